import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, retryDelay, DEFAULT_BACKOFF } from '../../../../../electron/services/sync/backoff';

const opts = { baseMs: 1000, capMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt', () => {
    const almostOne = () => 0.999999;
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, almostOne, opts)), [999, 1999, 3999, 7999, 15999, 31999]);
  });

  it('never exceeds the cap, even for huge attempts', () => {
    assert.equal(backoffDelay(6, () => 0.999999, opts), 59999);
    assert.equal(backoffDelay(10_000, () => 0.999999, opts), 59999);
    assert.equal(backoffDelay(10_000, () => 0.5, DEFAULT_BACKOFF), DEFAULT_BACKOFF.capMs / 2);
  });

  it('uses full jitter: random 0 gives 0 and the delay scales with random', () => {
    assert.equal(backoffDelay(3, () => 0, opts), 0);
    assert.equal(backoffDelay(3, () => 0.25, opts), 2000);
    assert.equal(backoffDelay(3, () => 0.5, opts), 4000);
  });

  it('rejects bad arguments as bugs', () => {
    assert.throws(() => backoffDelay(-1, () => 0.5, opts), TypeError);
    assert.throws(() => backoffDelay(1.5, () => 0.5, opts), TypeError);
    assert.throws(() => backoffDelay(1, () => 1, opts), TypeError);
    assert.throws(() => backoffDelay(1, () => 0.5, { baseMs: 0, capMs: 10 }), TypeError);
    assert.throws(() => backoffDelay(1, () => 0.5, { baseMs: 100, capMs: 10 }), TypeError);
  });
});

describe('retryDelay', () => {
  it('honours Retry-After when it is longer than the jittered delay, even above the cap', () => {
    assert.equal(retryDelay(0, () => 0.5, 7, opts), 7000);
    assert.equal(retryDelay(0, () => 0.5, 120, opts), 120_000);
    assert.equal(retryDelay(5, () => 0.5, 1, opts), 16000);
    assert.equal(retryDelay(2, () => 0.5, undefined, opts), 2000);
  });
});
