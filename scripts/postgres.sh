#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the reference server's tests (issue 16): installs Debian's `postgresql` package
# when no server binaries are found, creates a cluster in a temporary directory, starts it on a free loopback port,
# runs the given command with its URL in FOLIO_TEST_DATABASE_URL (and prints it) and the binaries' directory in
# FOLIO_PG_BIN (for the test that restarts a cluster of its own), then stops the cluster and deletes the directory,
# whatever the command's outcome (trap). Exits with the command's status.
#
#   bash scripts/postgres.sh -- cargo test -p folio-server     # the server's tests, each on a fresh database
#   bash scripts/postgres.sh                                   # just start one; prints the URL, Ctrl-C stops it
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user the package creates
# (`runuser -u postgres --`); as anyone else it runs as that user. Authentication is `trust` on 127.0.0.1 only:
# the cluster holds test data and lives for one run.
set -euo pipefail

if [ "${1:-}" = "--" ]; then shift; fi

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

BIN="$(pg_bin)"
if [ -z "$BIN" ]; then
  echo "postgres.sh: installing Debian's postgresql package" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN="$(pg_bin)"
  [ -n "$BIN" ] || { echo "postgres.sh: no initdb after installing postgresql" >&2; exit 1; }
fi

# Run a PostgreSQL program as the cluster's owner.
if [ "$(id -u)" -eq 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    # Nothing answers there (bash's /dev/tcp, no other tool needed).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "postgres.sh: no free port found" >&2
  return 1
}

DIR="$(mktemp -d /tmp/folio-pg.XXXXXX)"
chmod 755 "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
PORT="$(free_port)"

cleanup() {
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: the cluster dies with the run, and the tests kill folio-server processes, never the machine. Enough
# connections for tests that each open a pool and a listener.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }

export FOLIO_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
export FOLIO_PG_BIN="$BIN"
echo "postgres.sh: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') at $FOLIO_TEST_DATABASE_URL" >&2

if [ "$#" -eq 0 ]; then
  echo "$FOLIO_TEST_DATABASE_URL"
  echo "postgres.sh: running until Ctrl-C" >&2
  while true; do sleep 3600; done
fi
"$@"
