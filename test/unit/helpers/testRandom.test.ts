import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom, testRandom } from '../../helpers/testRandom';

const draw = (r: { next(): number }, n = 8) => Array.from({ length: n }, () => r.next());

describe('testRandom', () => {
  it('replays the same sequence from the same seed, another from another seed', () => {
    assert.deepEqual(draw(seededRandom(42)), draw(seededRandom(42)));
    assert.notDeepEqual(draw(seededRandom(42)), draw(seededRandom(43)));
  });

  it('draws in [0, 1) and int(n) in [0, n), reaching both ends', () => {
    const r = seededRandom(7);
    const ints = Array.from({ length: 2000 }, () => r.int(10));
    const floats = draw(seededRandom(7), 2000);
    assert.ok(floats.every((x) => x >= 0 && x < 1));
    assert.deepEqual([...new Set(ints)].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('takes the seed from TEST_SEED and prints it before drawing', () => {
    const printed: string[] = [];
    const r = testRandom('crash test', { TEST_SEED: '1234' }, (line) => printed.push(line));
    assert.equal(r.seed, 1234);
    assert.deepEqual(printed, ['crash test: seed 1234 (replay with TEST_SEED=1234)']);
    assert.deepEqual(draw(r), draw(seededRandom(1234)));
  });

  it('prints a fresh seed that replays the same draws', () => {
    const printed: string[] = [];
    const first = testRandom('t', {}, (line) => printed.push(line));
    const seed = /seed (\d+)/.exec(printed[0] ?? '')?.[1];
    assert.equal(Number(seed), first.seed);
    assert.deepEqual(draw(first), draw(testRandom('t', { TEST_SEED: seed }, () => undefined)));
  });

  it('refuses a TEST_SEED that is not a whole 32-bit number', () => {
    for (const bad of ['abc', '-1', '1.5', '', '4294967296']) {
      assert.throws(() => testRandom('t', { TEST_SEED: bad }, () => undefined), /TEST_SEED must be a whole number from 0 to 4294967295/, bad);
    }
  });
});
