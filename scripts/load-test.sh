#!/usr/bin/env bash
# Load test of the reference server (issue 12); not part of scripts/test.sh, which it would slow down. The server,
# built in release mode, serves normal readers, writers and event-stream subscribers while abusive clients flood it
# (event streams and idle connections from one address each, clients that trickle their headers), for
# FOLIO_LOAD_SECONDS (default 15, at most 120), on loopback only; bounded in count too (300 flood streams, 150 idle
# connections, 40 slow clients). Prints requests/s, p50/p99 latency, failed requests, what became of each abuse and
# acknowledged vs stored comments as a Markdown table (figures of a run: docs/security.md), and exits non-zero if an
# acknowledged comment is lost or a normal request goes unanswered. The test itself: server/tests/abuse/.
#
#   bash scripts/load-test.sh                  # one instance on SQLite
#   bash scripts/load-test.sh --postgres       # one instance on a throwaway PostgreSQL (scripts/postgres.sh)
#   bash scripts/load-test.sh --instances 2    # two instances on one throwaway PostgreSQL, load split between them
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

postgres=0
export FOLIO_LOAD_INSTANCES=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --postgres) postgres=1 ;;
    --instances) shift; FOLIO_LOAD_INSTANCES="${1:-}"; postgres=1 ;;
    *) echo "usage: load-test.sh [--postgres] [--instances 2]" >&2; exit 2 ;;
  esac
  shift
done
case "$FOLIO_LOAD_INSTANCES" in 1|2) ;; *) echo "load-test.sh: --instances is 1 or 2" >&2; exit 2 ;; esac

run=(cargo test -p folio-server --release --test abuse --quiet -- --ignored --nocapture --test-threads=1)
if [ "$postgres" = 1 ]; then
  exec bash scripts/postgres.sh -- "${run[@]}"
fi
exec "${run[@]}"
