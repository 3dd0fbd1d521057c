#!/usr/bin/env bash
# Runs every check and test: formatting, lints (server and wasm builds), the wasm
# dependency rule, Rust unit + repository tests on SQLite and PostgreSQL, the release
# bundle size budget, and the browser tests (JavaScript off, then hydrated) in Chromium.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/postgres.sh"
cd "$ROOT"

# A full build needs a few GB; a linker that runs out of disk dies with an obscure signal.
say "Free disk space: $(df -h --output=avail . | tail -n 1 | tr -d ' ')"

scripts/setup.sh --test

say "Formatting"
cargo fmt --all --check

say "Lints: server build"
cargo clippy -p shared -p backend -p app -p server -p wasm-split --features app/ssr --all-targets -- -D warnings
cargo clippy -p shared --all-targets -- -D warnings
say "Lints: browser (wasm) build"
cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

say "The browser bundle must not contain server-only crates"
if cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none | grep -E '^(backend|sqlx|tokio|csv|argon2|lettre|image|chrono-tz) '; then
  die "server-only crates found in the wasm dependency tree"
fi

say "Crates depend one way: shared <- backend <- app <- server"
if cargo tree -p backend -e normal --prefix none | grep -E '^(leptos|leptos_[a-z]+|server_fn|app) '; then
  die "the backend depends on Leptos or on the app"
fi
if cargo tree -p shared -e normal --prefix none | grep -E '^(leptos|server_fn|sqlx|tokio|backend|app) '; then
  die "the shared crate (default features) depends on Leptos, the database, a runtime or a crate above it"
fi

start_test_postgres
say "Rust tests (SQLite and PostgreSQL; calendar files read by Python's icalendar)"
MENTORA_REQUIRE_ICS_CHECK=1 cargo test -p shared -p backend -p app -p server --features app/ssr
stop_test_postgres

scripts/build-site.sh
python3 scripts/bundle-budget.py target/site/pkg

say "Browser tests (Chromium): JavaScript off, then hydrated"
cargo build -p server
(cd end2end && npx playwright test)
say "All checks passed"
