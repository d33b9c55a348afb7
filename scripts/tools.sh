#!/usr/bin/env bash
# Installs what the build needs, only where it is missing. Safe to run again.
#   scripts/tools.sh rust VERSION   wasm32 target + wasm-bindgen-cli at exactly VERSION
#   scripts/tools.sh node           npm dev dependencies from package-lock.json
#   scripts/tools.sh chromium       Debian's chromium and pdftotext (for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

case "${1:-}" in
rust)
  version="${2:?wasm-bindgen version}"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$version" ]; then
    say "installing wasm-bindgen-cli $version (was: ${have:-none}); this takes a few minutes once"
    # --locked fails against this registry; the version pin is what matters.
    cargo install wasm-bindgen-cli --version "$version" --force
  fi
  ;;
node)
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.installed ] || [ ! -e node_modules/.installed ]; then
    say "installing npm dev dependencies (npm ci)"
    npm ci --no-audit --no-fund
  fi
  ;;
chromium)
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    say "installing Debian's chromium (browser tests) and poppler-utils (pdftotext, for the printed quote)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
  ;;
*)
  echo "usage: scripts/tools.sh rust VERSION | node | chromium" >&2
  exit 2
  ;;
esac
