import { CancelledError } from '../../schemas/errors';

/**
 * The calls one connection (a window, a socket) has under way, by the page's call id, so that a
 * cancel names one of them. Each call gets its own AbortSignal, which the Router hands to its handler.
 */
export class InFlightCalls {
  readonly #calls = new Map<number, AbortController>();

  /** Runs one call with a signal that `cancel(callId)` fires; the id is free again when it ends. */
  async run<T>(callId: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.#calls.set(callId, controller);
    try {
      return await call(controller.signal);
    } finally {
      // a page that reused an id meanwhile owns the entry now
      if (this.#calls.get(callId) === controller) this.#calls.delete(callId);
    }
  }

  /** Fires the call's signal; false when no call of that id is under way (already answered, or never made). */
  cancel(callId: number): boolean {
    const controller = this.#calls.get(callId);
    if (!controller) return false;
    this.#calls.delete(callId);
    controller.abort(new CancelledError());
    return true;
  }

  /** how many calls are under way */
  get size(): number {
    return this.#calls.size;
  }
}
