#!/usr/bin/env bash
# `npm test`: everything CI runs, in the order that fails fastest.
#   lint -> format (Prettier defaults) -> typecheck -> unit + GraphQL contract -> integration (SQLite, or DATABASE_URL)
#   -> theme check of the theme app extensions -> browser e2e in Debian's chromium
# Set TEST_SKIP_E2E=1 only for a quick local loop; CI never does.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
export SHOPIFY_CLI_NO_ANALYTICS=1
failed=()
step() {
  local name=$1; shift
  echo
  echo "=== $name"
  if "$@"; then echo "--- $name: ok"; else echo "--- $name: FAILED"; failed+=("$name"); fi
}

step "prisma client" npx prisma generate
step "lint" npx eslint . --max-warnings 0
step "format" npx prettier --check --log-level warn .
step "typecheck" npm run -s typecheck
step "unit, contract and integration tests" npx vitest run --reporter=default --reporter=json --outputFile.json=tmp/vitest.json
step "theme check" npx tsx scripts/theme-check.ts extensions
if [ "${TEST_SKIP_E2E:-0}" = 1 ]; then
  echo "=== e2e: skipped because TEST_SKIP_E2E=1"
else
  step "browser e2e" bash scripts/e2e.sh
fi

node scripts/test-summary.mjs tmp/vitest.json tmp/e2e.json
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED steps: ${failed[*]}"
  exit 1
fi
