/**
 * The simulator's own clock interface. It mirrors native/time/Clock.ts's `Clock` structurally (same
 * members, same signatures) so tests can pass a ManualClock, yet the simulator imports nothing from
 * the client: a change to the client's clock cannot silently change the oracle's sense of time.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): { dispose(): void };
}

/** Wall-clock time for the standalone simulator (`npm run sim:server`). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return { dispose: () => clearTimeout(handle) };
  },
};
