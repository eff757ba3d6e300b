import { randomInt } from 'node:crypto';

/** The environment variable that replays a randomised test: `TEST_SEED=1234 node --import tsx --test …`. */
export const TEST_SEED_VAR = 'TEST_SEED';

/** A seeded random source for a test: `seed` to print and replay, `next()` in [0, 1), `int(n)` in [0, n). */
export interface TestRandom {
  readonly seed: number;
  next(): number;
  int(n: number): number;
}

/** mulberry32: tiny, fast, good enough to pick kill points and ports; the same seed gives the same sequence. */
export function seededRandom(seed: number): TestRandom {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, int: (n) => Math.floor(next() * n) };
}

/**
 * The random source of one randomised test: seeded from TEST_SEED when set (a replay), else from a
 * fresh seed; either way the seed is printed before the test draws anything, so any failure,
 * including a crash or a timeout, can be replayed with the line it printed.
 */
export function testRandom(label: string, env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): TestRandom {
  const given = env[TEST_SEED_VAR];
  if (given !== undefined && !/^\d{1,10}$/.test(given.trim())) throw new Error(`${TEST_SEED_VAR} must be a whole number from 0 to 4294967295, got "${given}"`);
  const seed = given === undefined ? randomInt(0, 2 ** 32 - 1) : Number(given.trim());
  if (seed > 0xffffffff) throw new Error(`${TEST_SEED_VAR} must be a whole number from 0 to 4294967295, got "${given}"`);
  print(`${label}: seed ${seed} (replay with ${TEST_SEED_VAR}=${seed})`);
  return seededRandom(seed);
}
