#!/usr/bin/env bash
# Regenerates the README's screenshots from the operator's day (test/e2e/operatorDay.test.ts), the
# one e2e walk from a pre-registration to a processed packet: it saves a PNG of each screen at
# 1366x768 into test-results/screens/day-*.png, which are copied into test/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/e2e/ensureChromium.sh
npm run --silent build
rm -f test-results/screens/day-*.png
node --import tsx --test test/e2e/operatorDay.test.ts
mkdir -p test/e2e/screenshots
for name in day-1-prefilled day-2-documents day-3-documents-ara day-4-biometrics day-5-preview day-6-authentication day-7-acknowledgement day-8-approval-summary day-9-approval-dialog day-10-sync; do
  cp "test-results/screens/${name}.png" "test/e2e/screenshots/${name}.png"
done
echo "screenshots updated in test/e2e/screenshots/"
