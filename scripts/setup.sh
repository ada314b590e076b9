#!/usr/bin/env bash
# Installs what Shifo needs to build and test, skipping whatever is already there at the right
# version: wasm32 target, trunk 0.21.14, wasm-bindgen-cli (the version in Cargo.lock), npm
# packages from package-lock.json (Leaflet, binaryen's wasm-opt, playwright-core), Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# A C toolchain links every native crate (trunk pulls in ring through rustls).
if ! command -v cc >/dev/null; then
  say "installing a C toolchain"
  apt_install build-essential
fi

# rustup's minimal profile leaves out rustfmt and clippy, which the test command runs.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must be exactly the wasm-bindgen crate version in Cargo.lock. No --locked: its own
# lockfile pins a webpki-roots the registry lacks (see ../shared/TOOLCHAIN.md).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The browser suite and scripts use import.meta.dirname (Node 20.11+); playwright-core needs 20.
node_ok() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 11) ? 0 : 1)' 2>/dev/null; }
if ! command -v npm >/dev/null || ! node_ok; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi
if ! node_ok; then
  echo "setup: Node.js >= 20.11 is needed, found $(node --version 2>/dev/null || echo none)." >&2
  echo "setup: install it (e.g. Debian 13's nodejs, or NodeSource's package) and run again." >&2
  exit 1
fi
# npm ci only when node_modules does not match the committed lockfile.
if ! cmp -s package-lock.json node_modules/.shifo-lock 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.shifo-lock
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian chromium"
  apt_install chromium
fi

# trunk --offline passes --offline to cargo: fetch crates now, while the registry is reachable.
cargo fetch --locked >/dev/null
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null)"
