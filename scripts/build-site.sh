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
cargo build -q -p wasm-split --release
rm -rf "$PKG" && mkdir -p "$PKG"
# One chunk per lazy route (app/src/routes.rs); the main module keeps the shared code.
target/release/wasm-split "target/wasm32-unknown-unknown/$DIR/frontend.wasm" "$PKG" target/frontend-split.wasm
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir "$PKG" --out-name mentora \
  target/frontend-split.wasm
if [ "$PROFILE" != dev ]; then
  # Every module on its own, in parallel (there is one chunk per route and per shared part);
  # the splitter's name sections draw a harmless warning per file, which is dropped.
  printf '%s\0' "$PKG"/*.wasm | xargs -0 -P "$(nproc)" -I{} wasm-opt -q -Oz --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types {} -o {} 2>&1 | { grep -v 'unknown name subsection' || true; }
fi
cp style/main.css "$PKG/mentora.css"
cp public/* "$SITE/"
for f in "$PKG"/*.wasm "$PKG"/*.js "$PKG"/*.css; do gzip -9 -k -f "$f"; done
printf 'wasm: main %s bytes raw, %s bytes gzip; all chunks %s bytes gzip\n' "$(stat -c %s "$PKG/mentora_bg.wasm")" \
  "$(stat -c %s "$PKG/mentora_bg.wasm.gz")" "$(cat "$PKG"/*.wasm.gz | wc -c)"
