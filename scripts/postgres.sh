# Starts a throw-away PostgreSQL cluster on loopback for the test suite. Sourced by test.sh.
# Sets MENTORA_TEST_POSTGRES_URL and stops the cluster when the calling shell exits.
start_test_postgres() {
  local bin port dir run
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$bin/initdb" ] || die "PostgreSQL is not installed (scripts/setup.sh --test installs it)"
  port="${MENTORA_TEST_PG_PORT:-55432}"
  dir="$(mktemp -d /tmp/mentora-pg.XXXXXX)"
  run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; run=(runuser -u postgres --); fi
  say "Starting PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/log" >&2; die "PostgreSQL did not start"; }
  export MENTORA_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export MENTORA_REQUIRE_POSTGRES=1
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop)
  trap 'stop_test_postgres' EXIT
}

stop_test_postgres() {
  if [ -n "${PG_STOP+x}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; unset PG_STOP; fi
}
