#!/usr/bin/env bash
# Benchmark (not a test): renders comment threads of 100, 1,000 and 10,000 generated comments in headless Chromium
# and prints a table: time to the first comment, time to the whole first page (both from navigation start), the
# comments drawn, the longest task until one second after the first page (PerformanceObserver 'longtask'; "0" means
# no task reached 50 ms), the number of long tasks, and the JS heap (performance.memory).
#
# Uses the release build: FOLIO_DIST (default dist/) and FOLIO_SERVER_BIN (default target/release/folio-server);
# build them first with scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --test e2e bench_thread --quiet -- --ignored --nocapture --test-threads=1 2>&1 | grep -E '^\|'
