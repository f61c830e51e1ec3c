#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the integration tests' second pass (CI) and prints its URL.
#   eval "$(bash scripts/postgres.sh start)"   -> exports DATABASE_URL
#   bash scripts/postgres.sh stop
# Installs Debian's postgresql when missing. The server runs as the `postgres` user (it refuses
# root) from a temporary data directory on 127.0.0.1 only.
set -euo pipefail
PGPORT=${PGPORT:-55432}
DATA=${PGDATA_DIR:-/tmp/tsunagu-pg}
cmd=${1:-start}

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
}

if [ "$cmd" = stop ]; then
  bin=$(find_bin || true)
  [ -n "$bin" ] && [ -d "$DATA" ] && su postgres -s /bin/bash -c "$bin/pg_ctl -D $DATA -m fast stop" >/dev/null 2>&1 || true
  exit 0
fi

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  echo "installing PostgreSQL from Debian packages..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
  bin=$(find_bin)
fi
su postgres -s /bin/bash -c "$bin/pg_ctl -D $DATA status" >/dev/null 2>&1 && su postgres -s /bin/bash -c "$bin/pg_ctl -D $DATA -m fast stop" >/dev/null 2>&1 || true
rm -rf "$DATA" && mkdir -p "$DATA" && chown postgres "$DATA"
su postgres -s /bin/bash -c "$bin/initdb -D $DATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -s /bin/bash -c "$bin/pg_ctl -D $DATA -l $DATA/log -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -w start" >/dev/null
su postgres -s /bin/bash -c "$bin/createdb -h 127.0.0.1 -p $PGPORT -U postgres tsunagu_test"
echo "export DATABASE_URL=postgresql://postgres@127.0.0.1:$PGPORT/tsunagu_test"
