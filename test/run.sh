#!/usr/bin/env bash
# The whole test suite: static checks, unit + integration tests (node:test), e2e (Playwright in
# Debian Chromium). `bash test/run.sh unit` or `bash test/run.sh e2e` runs one part.
set -euo pipefail
cd "$(dirname "$0")/.."
part="${1:-all}"

if [[ "$part" == all ]]; then
  npm run --silent typecheck
  npm run --silent lint
fi

if [[ "$part" == all || "$part" == unit ]]; then
  mapfile -t files < <(find test/unit test/integration -name '*.test.ts' | sort)
  # a hung test fails after 5 minutes with its name, instead of stalling the whole run
  node --import tsx --test --test-concurrency=2 --test-timeout=300000 "${files[@]}"
fi

if [[ "$part" == all || "$part" == e2e ]]; then
  bash test/e2e/ensureChromium.sh
  npm run --silent build
  mapfile -t files < <(find test/e2e -name '*.test.ts' | sort)
  node --import tsx --test --test-concurrency=1 --test-timeout=300000 "${files[@]}"
fi
