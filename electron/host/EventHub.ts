import type { EventName, EventPayload } from '../../schemas/api/contract';
import type { Disposable } from '../../native/time/Clock';
import type { EventSink } from '../services/auth/SessionManager';

/**
 * Every connected UI (Electron windows, browser-host sockets). Services broadcast state changes
 * that all screens show (outbox progress, device plugged in or out) through it; replies to one
 * caller still go through that caller's own sink.
 */
export class EventHub {
  readonly #sinks = new Map<string, EventSink>();

  /** Called by a transport when a UI connects; dispose when it disconnects. */
  connect(connectionId: string, sink: EventSink): Disposable {
    this.#sinks.set(connectionId, sink);
    return { dispose: () => void this.#sinks.delete(connectionId) };
  }

  broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const sink of this.#sinks.values()) sink(name, payload);
  }

  get size(): number {
    return this.#sinks.size;
  }
}
