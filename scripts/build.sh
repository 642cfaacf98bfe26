#!/usr/bin/env bash
# Builds the release SPA into dist/ (Trunk) and the reference server. Assumes scripts/install-tools.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Trunk runs offline so it never tries to download tools; the crates are fetched first, online.
cargo fetch --quiet
trunk build --release --offline
# The embed's Subresource Integrity hashes, written by the post-build hook embed/postbuild.sh (docs/embed.md).
cat dist/folio-sri.txt
cargo build --release --quiet -p folio-server
