#!/usr/bin/env bash
# Benchmark (not a test; issue 11, item 5): the time from navigation start until the seed article's text is visible,
# in headless Chromium, for (a) the article as static HTML (the widget's markup and stylesheet, no script), (b)
# the same article through <folio-reader> on a plain host page, (c) the page folio-server renders (GET /read/{id})
# and the SPA hydrates, and (d) the client-only SPA; with the time until the reader is interactive. Each variant is loaded FOLIO_BENCH_RUNS times
# (default 7), alternating a, b, c, d, a, …, each time in a new Chromium with a fresh profile and the cache disabled, on
# plain loopback and then throttled to "Fast 3G" through the DevTools protocol. Prints Markdown for
# docs/performance.md on stdout (medians of time to text visible, first and largest contentful paint, bytes
# transferred, requests, and the ratio b/a); per-run figures go to stderr. The test is bench_article in
# tests/e2e/bench_article.rs, which documents the method.
#
#   scripts/bench-article.sh [DIST]        # DIST: a release build with folio.js (default $FOLIO_DIST, else dist/)
#
# Environment: FOLIO_BENCH_RUNS (runs per variant), FOLIO_BENCH_LABEL (the heading, default "<date>, wasm <n> B
# brotli"), FOLIO_BENCH_SERVER=folio-server to serve with the reference server (FOLIO_SERVER_BIN, default
# target/release/folio-server; it sends no compression) instead of the test's static server, which sends
# precompressed brotli (Content-Encoding: br) as a CDN would. Needs chromium, chromedriver and brotli
# (scripts/install-tools.sh); build the dist first with scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

dist="${1:-${FOLIO_DIST:-dist}}"
case "$dist" in /*) ;; *) dist="$PWD/$dist" ;; esac
[ -f "$dist/folio.js" ] || { echo "bench-article: no build with folio.js in $dist (run scripts/build.sh)" >&2; exit 1; }
export FOLIO_DIST="$dist"
server_bin="${FOLIO_SERVER_BIN:-target/release/folio-server}"
case "$server_bin" in /*) ;; *) server_bin="$PWD/$server_bin" ;; esac
export FOLIO_SERVER_BIN="$server_bin"
if [ "${FOLIO_BENCH_SERVER:-}" = folio-server ] && [ ! -x "$FOLIO_SERVER_BIN" ]; then
  echo "bench-article: no server binary at $FOLIO_SERVER_BIN (cargo build --release -p folio-server)" >&2
  exit 1
fi
for tool in chromium chromedriver brotli; do
  command -v "$tool" >/dev/null || { echo "bench-article: $tool is missing (scripts/install-tools.sh)" >&2; exit 1; }
done

cargo test --test e2e bench_article --quiet -- --ignored --nocapture --test-threads=1 | sed -n 's/^@@ \{0,1\}//p'
