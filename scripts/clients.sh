#!/usr/bin/env bash
# The client tests (tests/clients/): installs the tools they build apps
# with (Next.js, Vite, webpack, Rollup, Jest, Vitest, publint, attw; the
# versions locked in tests/clients/package-lock.json) once into
# target/clients/tools, git-ignored, then runs the tests, which use no
# network. A second run skips the install unless the lock changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/target/clients/tools"
stamp="$tools/.installed"
if [[ ! -f "$stamp" || "$root/tests/clients/package.json" -nt "$stamp" || "$root/tests/clients/package-lock.json" -nt "$stamp" ]]; then
  echo "installing the client tools into target/clients/tools (once)"
  mkdir -p "$tools"
  cp "$root/tests/clients/package.json" "$root/tests/clients/package-lock.json" "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi
exec node --test --test-concurrency=1 "$root/tests/clients/"
