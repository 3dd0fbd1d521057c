#!/usr/bin/env bash
# Installs the build tools the project needs, skipping what is already there.
#   scripts/setup.sh          build tools (wasm target, wasm-bindgen CLI, wasm-opt)
#   scripts/setup.sh --test   also Chromium, PostgreSQL, the browser-test packages and the
#                             iCalendar checker (Python icalendar, for scripts/check-ics.py)
source "$(dirname "$0")/lib.sh"

rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  say "Adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

WBG="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG" ]; then
  say "Installing wasm-bindgen CLI $WBG (about 3 minutes)"
  # Not --locked: the CLI's own lockfile names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG" --root "$TOOLS" --quiet
fi

# Debian's binaryen (108) breaks hydration; binaryen 132 from npm works.
if ! "$TOOLS/bin/wasm-opt" --version 2>/dev/null | grep -q "version 132"; then
  say "Installing wasm-opt (binaryen 132)"
  mkdir -p "$TOOLS/bin" "$TOOLS/npm"
  npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error binaryen@132.0.0 >/dev/null
  ln -sf "$TOOLS/npm/node_modules/.bin/wasm-opt" "$TOOLS/bin/wasm-opt"
fi

if [ "${1:-}" = "--test" ]; then
  apt_install chromium postgresql
  # An independent iCalendar parser (and zone database) to read our calendar files.
  if ! "$TOOLS/py/bin/python" -c "import icalendar" 2>/dev/null; then
    say "Installing the iCalendar checker (Python icalendar)"
    python3 -m venv "$TOOLS/py"
    "$TOOLS/py/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/scripts/requirements-test.txt"
  fi
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] || [ ! -d "$ROOT/end2end/node_modules/@axe-core/playwright" ]; then
    say "Installing browser-test packages"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi
