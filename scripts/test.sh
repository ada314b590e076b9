#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: format, lints, native tests,
# the release build with its size report, and the browser suite in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { echo; echo "== $*"; }
step "cargo fmt"
cargo fmt --all --check
step "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo clippy (wasm32 app)"
cargo clippy -p shifo --target wasm32-unknown-unknown --locked -- -D warnings
step "native tests"
cargo test --workspace --locked
step "release build"
trunk build --release --offline
step "test build with fault injection (for panic.spec.mjs only; never deployed)"
trunk build --release --offline --features fault-injection --dist target/dist-faults
step "payload size (gzip budget: raise it only with a reason in the commit)"
node scripts/size-report.mjs --budget 592
step "precompressed twins (.gz, .br) of the release build"
node --test tests/build/*.test.mjs
step "browser tests (Chromium)"
node --test --test-concurrency=1 tests/e2e/*.spec.mjs
