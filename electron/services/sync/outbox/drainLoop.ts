import type { OutboxRunSummary } from '../../../../schemas/outbox';
import type { Clock } from '../../../../native/time/Clock';
import type { DB } from '../../db/Database';
import { listOutboxInStates } from '../../db/repos/outbox';
import { emptySummary, mergeSummary, PENDING } from './outboxRunState';

/** What {@link drainLoop} needs of the outbox. */
export interface DrainTarget {
  readonly db: DB;
  readonly clock: Clock;
  /** how often to look again while another runner holds the outbox */
  readonly busyPollMs: number;
  readonly run: (signal: AbortSignal | undefined) => Promise<OutboxRunSummary>;
  readonly hasPendingWork: () => boolean;
  readonly retryingNow: () => OutboxRunSummary['retrying'];
}

/**
 * Runs passes until nothing is left to send, waiting out each backoff on the injected clock,
 * or until `deadline` (epoch ms) or a machine-wide stop.
 */
export async function drainLoop(t: DrainTarget, deadline: number, signal: AbortSignal | undefined): Promise<OutboxRunSummary> {
  const total = emptySummary(t.clock.now());
  for (;;) {
    const pass = await t.run(signal);
    mergeSummary(total, pass);
    if (pass.stoppedBy?.code === 'ERR_SYNC_BUSY') {
      // another runner has the outbox (the app while the CLI drains, or the reverse): wait it out
      const again = t.clock.now() + t.busyPollMs;
      if (again > deadline) break;
      await waitUntil(t.clock, again, signal);
      continue;
    }
    if (pass.stoppedBy || !t.hasPendingWork()) break;
    // Only the items that keep the drain going: an UPLOADED packet waiting for the server's
    // processing (nextAttemptAt often null) made this wait 0 ms and the loop spin at full CPU.
    const next = Math.min(...listOutboxInStates(t.db, PENDING).map((r) => r.nextAttemptAt ?? 0));
    if (next > deadline) break;
    await waitUntil(t.clock, next, signal);
  }
  total.finishedAt = t.clock.now();
  total.retrying = t.retryingNow();
  return total;
}

/** Resolves at `at` on the injected clock; rejects with the signal's reason when aborted. */
function waitUntil(clock: Clock, at: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      timer.dispose();
      reject(signal!.reason);
    };
    // keepAlive: waiting out a backoff is the run's work; without it `sync --eod` died mid-wait.
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, at - clock.now()), { keepAlive: true });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
