/**
 * What a child process must inherit for it to share this test's clock: libfaketime's LD_PRELOAD and
 * FAKETIME* (CI runs the suite again under `faketime '+3 years'`). A child given a clean environment
 * without them runs on the real date while the in-process simulator does not: a 3-year clock skew.
 */
export function clockShifterEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && (e[0] === 'LD_PRELOAD' || e[0].startsWith('FAKETIME'))));
}
