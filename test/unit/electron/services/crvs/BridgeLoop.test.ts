import assert from 'node:assert/strict';
import { once, EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { BridgeLoop } from '../../../../../electron/services/crvs/BridgeLoop';

/** The bridge's loop on a hand-moved clock: a pass when woken, the next when due, at most pollMs apart, none after stop. */
describe('BridgeLoop', () => {
  function setUp(o: { nextDueAt?: () => number | undefined; mosipDue?: () => number | undefined } = {}) {
    const clock = new ManualClock();
    const passes = new EventEmitter();
    let count = 0;
    const loop = new BridgeLoop({
      clock, pollMs: 1000, log: () => undefined,
      service: { pass: async () => ({ delivered: 0, confirmed: 0, failed: 0 }), nextDueAt: o.nextDueAt ?? (() => undefined) },
      mosipWork: async () => {
        count += 1;
        passes.emit('pass', count);
        return o.mosipDue?.();
      },
    });
    return { clock, loop, passes, count: () => count };
  }

  it('runs a pass when woken, then every pollMs', async () => {
    const { clock, loop, passes, count } = setUp();
    const first = once(passes, 'pass');
    loop.wake();
    await first;
    await Promise.resolve();
    clock.advance(999);
    assert.equal(count(), 1, 'not before pollMs');
    const second = once(passes, 'pass');
    clock.advance(1);
    await second;
    await loop.stop();
  });

  it('comes back when an event is due sooner than pollMs', async () => {
    const clock0 = new ManualClock();
    const due = clock0.now() + 200;
    const { clock, loop, passes, count } = setUp({ nextDueAt: () => due });
    const first = once(passes, 'pass');
    loop.wake();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    const second = once(passes, 'pass');
    clock.advance(200);
    await second;
    assert.equal(count(), 2);
    await loop.stop();
  });

  it('runs once more when woken during a pass, and none after stop', async () => {
    const { clock, loop, passes, count } = setUp();
    const first = once(passes, 'pass');
    loop.wake();
    loop.wake();
    await first;
    await once(passes, 'pass');
    assert.equal(count(), 2, 'a wake during a pass runs one more');
    await new Promise((resolve) => setImmediate(resolve));
    await loop.stop();
    clock.advance(10_000);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(count(), 2, 'none after stop');
  });
});
