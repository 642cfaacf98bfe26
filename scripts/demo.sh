#!/usr/bin/env bash
# Installs what is missing, builds the SPA with Trunk (release) and serves it with the reference server.
# Usage: scripts/demo.sh [port]   (default 8080; FOLIO_DB picks the database file, default ./folio.db)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/install-tools.sh
bash scripts/build.sh
port="${1:-${PORT:-8080}}"
echo "Open the printed URL in a browser. Ctrl-C stops the server."
exec target/release/folio-server --dist dist --db "${FOLIO_DB:-folio.db}" --addr "127.0.0.1:${port}"
