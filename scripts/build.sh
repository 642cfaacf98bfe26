#!/usr/bin/env bash
# Builds the release SPA and the embed into dist/ (Trunk; the embed's module by embed/build.sh, from Trunk's
# post-build hook) and the reference server. Assumes scripts/install-tools.sh has run.
# Usage: scripts/build.sh [dist dir, default dist/]. FOLIO_FEATURES=test-hooks builds the end-to-end tests' variant
# (it exports `folio_test_panic`; never ship it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The sizes in docs/embed.md are of a toolchain as TOOLCHAIN.md installs it, without the standard library's source:
# with the rust-src component, rustc writes std's local source paths into the panic locations it links, and the
# lite module is about 0.2 KB larger (same behaviour, other bytes).
if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  echo "scripts/build.sh: note: rust-src is installed: the wasm modules come out slightly larger than docs/embed.md says" >&2
fi

# Trunk runs offline so it never tries to download tools; the crates are fetched first, online.
cargo fetch --quiet
dist="${1:-dist}"
# Trunk passes TRUNK_BUILD_FEATURES to cargo (replacing Trunk.toml's list, hence its features again), and its hooks
# (embed/build.sh, which builds the embed's lite module without `mapping`, `read-aloud` and `live-articles`, and
# both embed modules without `languages`) see it too. The SPA takes over the pages
# folio-server renders (`hydration`); embed/build.sh leaves that feature out of both embed modules.
TRUNK_BUILD_FEATURES="mapping,languages,hydration,read-aloud,live-articles,posting,mastodon-dialog${FOLIO_FEATURES:+,$FOLIO_FEATURES}" trunk build --release --offline --dist "$dist"
# The embed's Subresource Integrity hashes, written by the post-build hook embed/postbuild.sh (docs/embed.md).
cat "$dist/folio-sri.txt"
cargo build --release --quiet -p folio-server
