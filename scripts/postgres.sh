#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the test suite, installing
# Debian's postgresql first if this machine has none. Prints the admin URL.
#   scripts/postgres.sh start   -> prints postgres://postgres@127.0.0.1:PORT/postgres
#   scripts/postgres.sh stop
set -euo pipefail
shopt -s inherit_errexit

PGPORT="${AREA_SEND_TEST_PGPORT:-55432}"
PGROOT="${AREA_SEND_TEST_PGDIR:-/tmp/area-send-pg}"

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL is not installed; installing Debian's postgresql..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_postgres() {
  # From /, since the postgres user may not be allowed into the checkout.
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

case "${1:-start}" in
  start)
    BIN=$(find_bin)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    if as_postgres "$BIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
      exit 0
    fi
    rm -rf "$PGROOT"
    mkdir -p "$PGROOT"
    [ "$(id -u)" = 0 ] && chown postgres: "$PGROOT"
    as_postgres "$BIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Tuned for a throwaway test server: durability off, speed on.
    as_postgres "$BIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    BIN=$(find_bin)
    as_postgres "$BIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
