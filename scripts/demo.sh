#!/usr/bin/env bash
# Installs what is missing, builds the SPA with Trunk (release) and serves it with the reference server.
# Usage: scripts/demo.sh [port]   (default 8080; FOLIO_DB picks the database file, default ./folio.db)
# Editors of the live demo article post with FOLIO_EDITOR_TOKEN (default: a demo token, printed; the server listens on
# loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/install-tools.sh
bash scripts/build.sh
port="${1:-${PORT:-8080}}"
export FOLIO_EDITOR_TOKEN="${FOLIO_EDITOR_TOKEN:-folio-demo-editor-token}"
echo "Open the printed URL in a browser. Ctrl-C stops the server."
echo "Live demo: open the article \"Storm Ilse reaches the coast\", then post an update as an editor:"
echo "  curl -X POST http://127.0.0.1:${port}/api/articles/harbour-storm-live/entries -H 'Authorization: Bearer ${FOLIO_EDITOR_TOKEN}' -H 'Content-Type: application/json' -d '{\"author\": \"Desk\", \"body\": \"<p>The harbour reopens at noon.</p>\"}'"
exec target/release/folio-server --dist dist --db "${FOLIO_DB:-folio.db}" --addr "127.0.0.1:${port}"
