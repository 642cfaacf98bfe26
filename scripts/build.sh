#!/usr/bin/env bash
# Builds the release SPA into dist/ (Trunk) and the reference server. Assumes scripts/install-tools.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Trunk runs offline so it never tries to download tools; the crates are fetched first, online.
cargo fetch --quiet
trunk build --release --offline
cargo build --release --quiet -p folio-server
