import type { Clock, Disposable } from './Clock';

/** A clock tests move by hand: timers fire in order as time advances, never by waiting. */
export class ManualClock implements Clock {
  #now: number;
  #timers: { at: number; id: number; callback: () => void }[] = [];
  #nextId = 0;

  constructor(start = Date.UTC(2026, 10, 22, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): Disposable {
    const timer = { at: this.#now + ms, id: this.#nextId++, callback };
    this.#timers.push(timer);
    return { dispose: () => void (this.#timers = this.#timers.filter((t) => t !== timer)) };
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward, firing each due timer at its own time. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.#timers[0];
      if (!next || next.at > target) break;
      this.#timers.shift();
      this.#now = next.at;
      next.callback();
    }
    this.#now = target;
  }
}
