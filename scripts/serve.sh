#!/usr/bin/env bash
# Sets up what is missing, then builds and serves Shifo with the bundled dataset.
# Usage: scripts/serve.sh [port]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
PORT="${1:-${PORT:-8080}}"
echo "Shifo will be served at http://127.0.0.1:${PORT}/ once the build below finishes."
# No autoreload: what is served is the production page, which runs under the strict CSP.
exec trunk serve --release --offline --no-autoreload --port "$PORT"
