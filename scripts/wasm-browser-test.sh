#!/usr/bin/env bash
# Runs the wasm-bindgen tests in headless Chromium and fails unless at least
# one test ran: a browser run that silently finds nothing must not pass.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_USE_BROWSER=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | tee "$log"
passed="$(sed -n 's/^test result: ok\. \([0-9][0-9]*\) passed.*/\1/p' "$log" | tail -n 1)"
if [ -z "$passed" ] || [ "$passed" -eq 0 ]; then
  echo "wasm browser tests: no test ran in Chromium; failing" >&2
  exit 1
fi
echo "wasm browser tests: $passed passed in Chromium"
