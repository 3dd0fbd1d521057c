#!/usr/bin/env bash
# Builds the browser half into target/site: wasm (LTO, wasm-opt -Oz), JS glue, CSS, icons,
# and .gz copies the server sends as-is.
#   scripts/build-site.sh            release bundle (the default)
#   scripts/build-site.sh --dev      quick unoptimised bundle
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PROFILE=wasm-release
[ "${1:-}" = "--dev" ] && PROFILE=dev
DIR=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
SITE="$ROOT/target/site"
PKG="$SITE/pkg"

say "Building the browser bundle ($PROFILE)"
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$PROFILE"
rm -rf "$PKG" && mkdir -p "$PKG"
wasm-bindgen --target web --no-typescript --out-dir "$PKG" --out-name mentora \
  "target/wasm32-unknown-unknown/$DIR/frontend.wasm"
if [ "$PROFILE" != dev ]; then
  wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types \
    "$PKG/mentora_bg.wasm" -o "$PKG/mentora_bg.wasm"
fi
cp style/main.css "$PKG/mentora.css"
cp public/* "$SITE/"
for f in "$PKG"/*.wasm "$PKG"/*.js "$PKG"/*.css; do gzip -9 -k -f "$f"; done
printf 'wasm: %s bytes raw, %s bytes gzip\n' "$(stat -c %s "$PKG/mentora_bg.wasm")" "$(stat -c %s "$PKG/mentora_bg.wasm.gz")"
