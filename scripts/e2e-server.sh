#!/usr/bin/env bash
# The server the browser tests talk to: a fresh demo database on every run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mkdir -p target/e2e
rm -f target/e2e/e2e.db target/e2e/e2e.db-wal target/e2e/e2e.db-shm
export DATABASE_URL="sqlite://target/e2e/e2e.db"
target/debug/mentora seed --demo >/dev/null
exec target/debug/mentora serve --bind "127.0.0.1:${E2E_PORT:-3111}"
