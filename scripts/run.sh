#!/usr/bin/env bash
# Installs what is missing, builds, seeds the demo program into data/mentora.db and serves it.
# Extra arguments go to `mentora serve` (e.g. --bind 0.0.0.0:8080).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

scripts/setup.sh
scripts/build-site.sh
say "Building the server (release)"
cargo build -p server --release
export DATABASE_URL="${DATABASE_URL:-sqlite://data/mentora.db}"
target/release/mentora seed --demo
exec target/release/mentora serve "$@"
