#!/usr/bin/env bash
# The server the browser tests talk to: a fresh demo database on every run, and an SMTP
# sink (end2end/smtp-sink.mjs) that keeps every e-mail in target/e2e/mail for the tests.
# Members' calendars may be on loopback: the tests serve them from their own servers.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mkdir -p target/e2e
rm -f target/e2e/e2e.db target/e2e/e2e.db-wal target/e2e/e2e.db-shm
export DATABASE_URL="sqlite://target/e2e/e2e.db"
export MAIL_DIR="$ROOT/target/e2e/mail" SMTP_SINK_PORT="${SMTP_SINK_PORT:-2526}"
node end2end/smtp-sink.mjs &
SINK=$!
trap 'kill $SINK 2>/dev/null' EXIT
target/debug/mentora seed --demo >/dev/null
SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_SINK_PORT" SMTP_TLS=none MAIL_FROM="Mentora <no-reply@mentora.test>" \
  MAIL_RETRY_SECONDS=1 EMAIL_WEBHOOK_SECRET=e2e-webhook-secret CALENDAR_ALLOW_PRIVATE=true target/debug/mentora serve --bind "127.0.0.1:${E2E_PORT:-3111}"
