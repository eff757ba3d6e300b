import type { Clock, Disposable } from '../../../native/time/Clock';
import type { CrvsBridgeService } from './CrvsBridgeService';

export interface BridgeLoopDeps {
  readonly clock: Clock;
  readonly service: Pick<CrvsBridgeService, 'pass' | 'nextDueAt'>;
  /** the MOSIP side of a pass: subscribe if not yet, send what the outbox holds; returns when it is next due */
  readonly mosipWork: () => Promise<number | undefined>;
  /** longest wait between passes, so a server that came back is noticed (ms) */
  readonly pollMs: number;
  readonly log: (line: string) => void;
}

/**
 * Runs bridge passes one at a time: at once when woken (an event arrived, a credential came),
 * else when the next retry is due, at most `pollMs` apart. A failing pass is logged and the loop
 * carries on: the events are in SQLite, so nothing waits on this loop but the next pass.
 */
export class BridgeLoop {
  readonly #d: BridgeLoopDeps;
  #timer: Disposable | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(deps: BridgeLoopDeps) {
    this.#d = deps;
  }

  /** Run a pass now (or right after the one in progress). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#timer?.dispose();
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /** Stops scheduling; resolves when the pass in progress (if any) ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timer?.dispose();
    await this.#running;
  }

  async #pass(): Promise<void> {
    const d = this.#d;
    let mosipDue: number | undefined;
    try {
      const pass = await d.service.pass();
      if (pass.delivered + pass.confirmed + pass.failed > 0) d.log(`pass: ${pass.delivered} queued, ${pass.confirmed} confirmed, ${pass.failed} to retry or parked`);
      mosipDue = await d.mosipWork();
    } catch (err) {
      // a bug or a machine-wide failure (disk): logged, and the next pass tries again
      d.log(`pass failed: ${(err as Error).stack ?? String(err)}`);
    }
    if (this.#stopped) return;
    const now = d.clock.now();
    const due = Math.min(d.service.nextDueAt() ?? Infinity, mosipDue ?? Infinity, now + d.pollMs);
    // not keepAlive: the HTTP listener is what keeps the bridge's process running
    this.#timer = d.clock.setTimeout(() => this.wake(), Math.max(0, due - now));
  }
}
