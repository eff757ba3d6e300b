#!/usr/bin/env bash
# Regenerates the README's screenshots: runs the e2e tests (which save PNGs of each main screen at
# 1366x768 into test-results/screens/) and copies the ones the README shows into test/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/run.sh e2e
mkdir -p test/e2e/screenshots
for name in app-2-demographics-blocked app-4-biometrics app-5-preview app-5b-authentication app-6-acknowledgement approval-queue approval-dialog approval-summary sync home-cards-ara; do
  cp "test-results/screens/${name}.png" "test/e2e/screenshots/${name}.png"
done
echo "screenshots updated in test/e2e/screenshots/"
