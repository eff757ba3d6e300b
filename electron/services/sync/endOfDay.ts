import type { EndOfDayInput, EndOfDaySummary, EodLeft } from '../../../schemas/endOfDay';
import type { OutboxItem, SyncProgress } from '../../../schemas/outbox';
import type { Clock } from '../../../native/time/Clock';
import { DEFAULT_BACKOFF } from './backoff';
import type { AppSync } from './AppSync';
import type { OfflineLimitsService } from './outbox/OfflineLimitsService';
import type { OutboxService } from './outbox/OutboxService';

export interface EndOfDayDeps {
  /** the server session the login started (waited for, renewed near its end) */
  readonly appSync: AppSync;
  readonly outbox: OutboxService;
  readonly limits: OfflineLimitsService;
  readonly clock: Clock;
}

/** The packets a person must act on, by what they wait for (the outbox's PENDING, ON_HOLD, PARKED rows). */
export function leftForAPerson(items: readonly OutboxItem[]): EodLeft {
  return {
    waitingApproval: items.filter((i) => i.state === 'PENDING').map((i) => i.rid),
    onHold: items.filter((i) => i.state === 'ON_HOLD').map((i) => i.rid),
    parked: items.filter((i) => i.state === 'PARKED').map((i) => ({ rid: i.rid, code: i.lastErrorCode ?? 'unknown' })),
  };
}

/**
 * One end of day (`regclient sync --eod`, the contract's sync.endOfDay) over the operator's server
 * session: the down-sync, then every decided packet sent (retries waited out on the clock until
 * `maxWaitSeconds`), the server status of what went, then what is left for a person and the offline
 * limits that are not ok. A packet's failure is in the summary, never thrown.
 */
export class EndOfDay {
  readonly #d: EndOfDayDeps;

  constructor(deps: EndOfDayDeps) {
    this.#d = deps;
  }

  /** @throws AppError the login's refusal, ERR_SYNC_NOT_CONFIGURED without a server */
  async run(input: EndOfDayInput, o: Readonly<{ signal: AbortSignal; onProgress: (p: SyncProgress) => void }>): Promise<EndOfDaySummary> {
    const { outbox, clock } = this.#d;
    const mosip = await this.#d.appSync.ensureSession();
    const downSync = await mosip.downSync({ full: input.full, signal: o.signal });
    const sent = await outbox.drainWithProgress({
      onProgress: o.onProgress,
      deadline: clock.now() + input.maxWaitSeconds * 1000,
      signal: o.signal,
      ...(input.retryBaseMs ? { backoff: { ...DEFAULT_BACKOFF, baseMs: input.retryBaseMs } } : {}),
    });
    const statuses = await outbox.pollStatuses({ signal: o.signal });
    return {
      downSync,
      outbox: { ...sent, statusUpdated: [...sent.statusUpdated, ...statuses.statusUpdated], stoppedBy: sent.stoppedBy ?? statuses.stoppedBy },
      left: leftForAPerson(outbox.needingAPerson()),
      limits: this.#d.limits.check().filter((l) => l.state !== 'ok'),
    };
  }
}
