#!/usr/bin/env bash
# The whole test suite: static checks, unit + integration tests (node:test), e2e (Playwright in
# Debian Chromium). `bash test/run.sh unit` or `bash test/run.sh e2e` runs one part.
set -euo pipefail
cd "$(dirname "$0")/.."
part="${1:-all}"
# Simulators and test PKIs take their RSA keys from this pool (test/sims/rsaKeyPool.ts) instead of
# generating about ten per simulator start (0.2 s of CPU each); the pool stays in the OS temp dir
# for later runs. The e2e apps inherit it through the environment.
export REGCLIENT_TEST_RSA_POOL="${REGCLIENT_TEST_RSA_POOL:-${TMPDIR:-/tmp}/regclient-rsa-pool}"

if [[ "$part" == all ]]; then
  npm run --silent typecheck
  npm run --silent lint
fi

# The unit and integration files that take longest (CPU seconds with their children, measured
# 2026-12-03: 55 s down to 12 s), longest first. node:test starts files in the order given, so these
# start early instead of running alone at the end of a sorted list; a file missing here still runs
# (every file found follows, in sorted order), and a file listed here but gone is left out.
SLOW_FIRST=(
  test/integration/sync/outboxSigkill.test.ts
  test/integration/crvs/bridgeFaults.test.ts
  test/integration/app/registration.test.ts
  test/integration/app/reviewerAuthentication.test.ts
  test/unit/renderer/features/registration/store/storeSubmit.test.ts
  test/integration/cli/backupRefusals.test.ts
  test/integration/packets/packetCrash.test.ts
  test/integration/sync/eodChild.test.ts
  test/unit/renderer/features/registration/store/store.test.ts
  test/integration/app/capturesAtSubmit.test.ts
  test/integration/app/crvsOnline.test.ts
  test/integration/app/approval.test.ts
  test/integration/spine/osKeyring.test.ts
  test/unit/renderer/features/registration/store/storeFlows.test.ts
  test/integration/app/documentSlots.test.ts
  test/integration/sync/crvsOnlineSigkill.test.ts
  test/integration/app/packetSummary.test.ts
  test/integration/app/biometricCorrectionSubmit.test.ts
  test/unit/renderer/features/sync/views.test.ts
  test/integration/spine/dataDir.test.ts
  test/integration/app/crvsSubmit.test.ts
  test/integration/packets/packetOracles.test.ts
  test/integration/app/preRegistrationSubmit.test.ts
  test/unit/renderer/features/registration/store/slices/biometrics/biometricsScreen.test.ts
)

# Every unit and integration test file, the known-slow ones first (see SLOW_FIRST).
unit_files() {
  local found slow f
  mapfile -t found < <(find test/unit test/integration -name '*.test.ts' | sort)
  declare -A listed=()
  for f in "${found[@]}"; do listed[$f]=1; done
  for slow in "${SLOW_FIRST[@]}"; do
    if [[ -n "${listed[$slow]:-}" ]]; then
      echo "$slow"
      unset "listed[$slow]"
    fi
  done
  for f in "${found[@]}"; do
    if [[ -n "${listed[$f]:-}" ]]; then echo "$f"; fi
  done
}

if [[ "$part" == all || "$part" == unit ]]; then
  mapfile -t files < <(unit_files)
  # Three files at once on two cores: the files wait on HTTP, child processes and timers, so two
  # left the CPU about a quarter idle (measured 2026-12-03, idle machine: 14.0 min at two, 10.6 min
  # at three, 1,240 CPU-seconds either way). A hung test fails after 5 minutes with its name,
  # instead of stalling the whole run.
  node --import tsx --test --test-concurrency=3 --test-timeout=300000 "${files[@]}"
fi

if [[ "$part" == all || "$part" == e2e ]]; then
  bash test/e2e/ensureChromium.sh
  npm run --silent build
  mapfile -t files < <(find test/e2e -name '*.test.ts' | sort)
  # Two at once: each file's app, Chromium and simulators leave a core partly idle (measured
  # 2026-12-03: 7.3 min one at a time, 5.6 min two at a time); ports and data dirs are per run.
  node --import tsx --test --test-concurrency=2 --test-timeout=300000 "${files[@]}"
fi
