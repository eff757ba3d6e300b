import { errorSpec, isAppError, type AppError, type ErrorCode } from '../../../../schemas/errors';
import type { OutboxRunSummary, OutboxState, SyncProgress } from '../../../../schemas/outbox';
import { findOutbox, listOutboxInStates, patchOutbox, publicItem, type OutboxPatch, type OutboxRecord } from '../../db/repos/outbox';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../backoff';
import { syncErrorDisposition } from '../syncErrorDisposition';
import type { OutboxServiceOptions } from './OutboxServiceOptions';
import { RunStop, type RunState } from './outboxRunState';
import type { RunLease } from './RunLease';
import { unreachable } from '../../../../schemas/errors/assert';

/**
 * What every phase of an outbox pass shares: one step with its failure handling by retry class
 * (retry later, re-authenticate and repeat, park or stop the run), and the row writes that tell
 * the screens (compare-and-set patch, park, progress).
 */
export class OutboxSteps {
  readonly o: OutboxServiceOptions;
  readonly #backoff: BackoffOptions;
  /** one runner per database across processes: the CAS on each row guards a step, not a whole run */
  readonly #lease: RunLease;
  /** the progress callback of one drain only (the end of day's caller) */
  extraProgress: ((p: SyncProgress) => void) | undefined;
  /** one drain's own first retry delay (`sync --eod --retry-base-ms`); else the outbox's */
  backoffOverride: BackoffOptions | undefined;

  constructor(options: OutboxServiceOptions, lease: RunLease) {
    this.o = options;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#lease = lease;
  }

  /** Runs one step for `items`; a failure is retried, re-authenticated or parked by its class. */
  async step(rs: RunState, items: readonly OutboxRecord[], body: () => Promise<void>): Promise<void> {
    const usurper = this.#lease.renew();
    if (usurper) throw new RunStop('ERR_SYNC_BUSY', { pid: usurper.pid });
    for (;;) {
      try {
        await body();
        return;
      } catch (err) {
        if (rs.signal?.aborted) throw err;
        const first = items[0];
        const disposition = syncErrorDisposition(err, first?.attempts ?? 0, this.o.random, this.backoffOverride ?? this.#backoff);
        switch (disposition.action) {
          case 'cancelled':
            throw err;
          case 'retry':
            rs.backingOff = true;
            if (items.length === 0) rs.summary.retrying.push({ rid: '', code: disposition.code, nextAttemptAt: this.o.clock.now() + disposition.delayMs });
            for (const item of items) this.#retryLater(this.fresh(item), err as AppError);
            return;
          case 'reauth':
            await this.#reauth(rs, err as AppError);
            continue; // the same step again, with the new session
          case 'park': {
            // about the machine or the session, not one packet (the catalogue's `stopsOutboxRun`): nothing is parked
            if (errorSpec(disposition.code).stopsOutboxRun || items.length === 0) throw new RunStop(disposition.code, { ...disposition.details });
            for (const item of items) this.park(rs, this.fresh(item), disposition.code, disposition.details);
            return;
          }
          default:
            unreachable(disposition, 'disposition');
        }
      }
    }
  }

  async #reauth(rs: RunState, cause: AppError): Promise<void> {
    if (rs.reauths >= (this.o.maxReauthPerRun ?? 3)) throw new RunStop(cause.code, { ...(cause.details as object) });
    rs.reauths += 1;
    try {
      await this.o.reauth();
    } catch (err) {
      if (!isAppError(err)) throw err;
      throw new RunStop(err.code === 'ERR_SYNC_LOGIN_FAILED' ? 'ERR_SYNC_AUTH_EXPIRED' : err.code, { ...(err.details as object) });
    }
  }

  #retryLater(item: OutboxRecord, err: AppError): void {
    const d = syncErrorDisposition(err, item.attempts, this.o.random, this.backoffOverride ?? this.#backoff);
    const delay = d.action === 'retry' ? d.delayMs : 0;
    this.patch(item, { attempts: item.attempts + 1, nextAttemptAt: this.o.clock.now() + delay, lastErrorCode: err.code, lastErrorDetails: { ...(err.details as object) } });
  }

  park(rs: RunState, item: OutboxRecord, code: ErrorCode, details: Readonly<Record<string, unknown>>): void {
    this.patch(item, { state: 'PARKED', lastErrorCode: code, lastErrorDetails: details, nextAttemptAt: null });
    this.o.audit.append('PACKET_PARKED', null, { packetId: item.packetId, rid: item.rid, code, details });
    rs.summary.parked.push({ rid: item.rid, code, details: { ...details } });
  }

  /** Compare-and-set on the item's state; @returns the new row, or undefined when another writer moved it first */
  patch(item: OutboxRecord, patch: OutboxPatch): OutboxRecord | undefined {
    const next = patchOutbox(this.o.db, item.packetId, item.state, patch, this.o.clock.now());
    if (next) this.o.onDidChange?.(publicItem(next));
    return next;
  }

  progress(p: SyncProgress): void {
    this.o.onDidProgress?.(p);
    this.extraProgress?.(p);
  }

  /** Items in `states` whose backoff is over (all of them when a person asked for the run). */
  due(rs: RunState, states: readonly OutboxState[]): OutboxRecord[] {
    const now = this.o.clock.now();
    const all = listOutboxInStates(this.o.db, states);
    return rs.ignoreBackoff ? all : all.filter((r) => (r.nextAttemptAt ?? 0) <= now);
  }

  /** The row as it is now (a step may have moved it before failing). */
  fresh(item: OutboxRecord): OutboxRecord {
    return findOutbox(this.o.db, item.packetId) ?? item;
  }

  retryingNow(): OutboxRunSummary['retrying'] {
    return listOutboxInStates(this.o.db, ['READY', 'SYNCED', 'UPLOADING']).flatMap((r) =>
      r.lastErrorCode !== null && r.nextAttemptAt !== null ? [{ rid: r.rid, code: r.lastErrorCode, nextAttemptAt: r.nextAttemptAt }] : [],
    );
  }
}
