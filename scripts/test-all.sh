#!/usr/bin/env bash
# Everything CI checks, in order: type-check, lint, build, the Vitest suite (core, service,
# Electron glue, contract) inside a private Secret Service, and the Playwright browser specs.
# Expects Node 22 on PATH and node_modules installed (./studio test does both).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
status=0
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type-check"; npx tsc -p tsconfig.json --noEmit || status=1
step "lint + format"; npx biome check . || status=1
step "Electron hardening check"; node scripts/check-electron-hardening.mjs || status=1
step "electronegativity (Electron security linter)"; node scripts/check-electronegativity.mjs || status=1
step "build"; npm run --silent build || status=1

step "unit + integration tests (vitest, real Secret Service)"
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json \
  --outputFile.json=reports/vitest.json || status=1

step "browser end-to-end tests (playwright, Debian chromium)"
if [ -x /usr/bin/chromium ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json \
    npx playwright test --reporter=list,json || status=1
else
  echo "chromium is not installed (apt-get install chromium): browser tests cannot run" >&2
  status=1
fi

node scripts/summarize-tests.mjs reports/vitest.json reports/playwright.json || status=1
exit $status
