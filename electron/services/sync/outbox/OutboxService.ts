import { AppError } from '../../../../schemas/errors';
import type { OutboxFilter, OutboxItem, OutboxRunSummary, OutboxState, SyncProgress } from '../../../../schemas/outbox';
import type { Page, PageRequest } from '../../../../schemas/paging';
import { findOutbox, listOutboxInStates, publicItem } from '../../db/repos/outbox';
import { countOutbox, earliestAttemptAt } from '../../db/repos/outboxPage';
import type { BackoffOptions } from '../backoff';
import { drainLoop } from './drainLoop';
import { listOutboxPage } from './listOutboxPage';
import { guard, newRunState, PENDING } from './outboxRunState';
import type { OutboxServiceOptions } from './OutboxServiceOptions';
import { OutboxSteps } from './OutboxSteps';
import { crvsOnlinePhase } from './crvsOnlinePhase';
import { ridSyncPhase } from './ridSyncPhase';
import { RunLease } from './RunLease';
import { exportedPhase, statusPhase } from './statusPhase';
import { uploadPhase } from './uploadPhase';

export type { OutboxServer, OutboxServiceOptions } from './OutboxServiceOptions';

/**
 * The durable packet outbox: per packet a persisted state machine (READY → SYNCED → UPLOADING →
 * UPLOADED → DONE, or PARKED with the reason), worked through idempotent steps. RID sync in
 * batches; at most 2 uploads at once, each after re-hashing the file; status polled by the real
 * RIDs. Failures follow their retry class: retry with capped, fully jittered backoff (never before
 * a 429's Retry-After), re-authenticate once and continue, or park for a person. A crash at any
 * point is resumed from SQLite: an upload that may have been in flight (UPLOADING) is first
 * checked against the server, so a packet the server already has is not sent again.
 */
export class OutboxService {
  readonly #o: OutboxServiceOptions;
  readonly #maxUploads: number;
  readonly #batch: number;
  #running: Promise<OutboxRunSummary> | undefined;
  /** one runner per database across processes: the CAS on each row guards a step, not a whole run */
  readonly #lease: RunLease;
  readonly #steps: OutboxSteps;

  constructor(options: OutboxServiceOptions) {
    const maxUploads = options.maxConcurrentUploads ?? 2;
    if (maxUploads !== 1 && maxUploads !== 2) throw new TypeError(`OutboxService: maxConcurrentUploads must be 1 or 2, got ${maxUploads}`);
    const batch = options.ridSyncBatchSize ?? 10;
    if (!Number.isInteger(batch) || batch < 1 || batch > 100) throw new TypeError(`OutboxService: ridSyncBatchSize must be 1..100, got ${batch}`);
    if (!/^[a-z]{3}$/.test(options.langCode ?? 'por')) throw new TypeError('OutboxService: langCode must be 3 letters');
    this.#o = options;
    this.#maxUploads = maxUploads;
    this.#batch = batch;
    this.#lease = new RunLease({ db: options.db, clock: options.clock, name: 'outbox' });
    this.#steps = new OutboxSteps(options, this.#lease);
  }

  /**
   * One page of items for the EOD screens and `packets list` ({@link listOutboxPage}).
   * @throws AppError ERR_PAGE_CURSOR_INVALID
   */
  list(filter: OutboxFilter & PageRequest = {}, states?: readonly OutboxState[]): Page<OutboxItem> {
    return listOutboxPage(this.#o.db, filter, states);
  }

  /** Packets a person must act on before they can leave (the CLI's end-of-day "left" list), oldest first. */
  needingAPerson(): OutboxItem[] {
    return listOutboxInStates(this.#o.db, ['PENDING', 'ON_HOLD', 'PARKED']).map(publicItem);
  }

  /** How many items are parked (the status line), counted, not loaded. */
  parkedCount(): number {
    return countOutbox(this.#o.db, { states: ['PARKED'] });
  }

  /** The earliest time a retrying item is due, if any item waits on backoff. */
  nextAttemptAt(): number | undefined {
    // in SQL: the sync screen asks on every refresh, and 10,000 rows read to find one number took 30 ms
    return earliestAttemptAt(this.#o.db, ['READY', 'SYNCED', 'UPLOADING', 'UPLOADED']);
  }

  /** True while items remain that a later run can move (not parked, not waiting for a person or the server's processing). */
  hasPendingWork(): boolean {
    return countOutbox(this.#o.db, { states: PENDING }) > 0;
  }

  /**
   * One pass: RID sync, uploads, then status of uploaded packets. Concurrent callers share the pass.
   * Never throws for a packet's failure (it is retried or parked); a machine-wide failure is in `stoppedBy`.
   * `ignoreBackoff`: a person asked for this run (the server is back), so retrying items go now
   * instead of at their backoff time; automatic runs keep the backoff.
   */
  run(options: Readonly<{ signal?: AbortSignal; statuses?: boolean; ignoreBackoff?: boolean }> = {}): Promise<OutboxRunSummary> {
    this.#running ??= this.#run(options).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /**
   * Runs passes until nothing is left to send, waiting out each backoff on the injected clock,
   * or until `deadline` (epoch ms) or a machine-wide stop. For `regclient sync --eod`.
   */
  drain(options: Readonly<{ signal?: AbortSignal; deadline: number }>): Promise<OutboxRunSummary> {
    return drainLoop(
      {
        db: this.#o.db,
        clock: this.#o.clock,
        busyPollMs: this.#o.busyPollMs ?? 5000,
        run: (signal) => this.run({ signal }),
        hasPendingWork: () => this.hasPendingWork(),
        retryingNow: () => this.#steps.retryingNow(),
      },
      options.deadline,
      options.signal,
    );
  }

  /**
   * {@link drain} with a progress callback and, optionally, a first retry delay for this drain only
   * (the end of day: its caller's progress, `--retry-base-ms`).
   */
  async drainWithProgress(options: Readonly<{ onProgress: (p: SyncProgress) => void; deadline: number; signal?: AbortSignal; backoff?: BackoffOptions }>): Promise<OutboxRunSummary> {
    this.#steps.extraProgress = options.onProgress;
    this.#steps.backoffOverride = options.backoff;
    try {
      return await this.drain({ deadline: options.deadline, ...(options.signal ? { signal: options.signal } : {}) });
    } finally {
      this.#steps.extraProgress = undefined;
      this.#steps.backoffOverride = undefined;
    }
  }

  /** Status query for uploaded and exported packets (`regclient status reconcile`). */
  async pollStatuses(options: Readonly<{ signal?: AbortSignal }> = {}): Promise<OutboxRunSummary> {
    const rs = newRunState(this.#o.clock.now(), options.signal);
    await guard(rs, () => statusPhase(this.#steps, rs, ['UPLOADED', 'EXPORTED']));
    rs.summary.finishedAt = this.#o.clock.now();
    return rs.summary;
  }

  /**
   * Puts a parked packet back in the queue once a person fixed the cause, or an exported one whose
   * USB copy will not reach the server (re-sync, then upload; a duplicate upload counts as sent).
   */
  requeue(id: string, actor: string | null): OutboxItem {
    const item = findOutbox(this.#o.db, id);
    if (!item) throw new AppError('ERR_SYNC_PACKET_NOT_FOUND', { id });
    if (item.state !== 'PARKED' && item.state !== 'EXPORTED') throw new AppError('ERR_SYNC_PACKET_ALREADY_DECIDED', { rid: item.rid, state: item.state });
    const next = this.#steps.patch(item, { state: 'READY', attempts: 0, nextAttemptAt: this.#o.clock.now(), lastErrorCode: null, lastErrorDetails: null });
    // who (the actor), which RID, and from which state: a requeue undoes a parking decision
    this.#o.audit.append('SYNC_OUTBOX_RUN', actor, { requeued: item.rid, from: item.state });
    return publicItem(next!);
  }

  async #run(options: Readonly<{ signal?: AbortSignal; statuses?: boolean; ignoreBackoff?: boolean }>): Promise<OutboxRunSummary> {
    const rs = newRunState(this.#o.clock.now(), options.signal, options.ignoreBackoff ?? false);
    const holder = this.#lease.take();
    if (holder) {
      rs.summary.stoppedBy = { code: 'ERR_SYNC_BUSY', details: { pid: holder.pid } };
      return rs.summary;
    }
    try {
      await guard(rs, async () => {
        await exportedPhase(this.#steps, rs);
        await crvsOnlinePhase(this.#steps, rs);
        await ridSyncPhase(this.#steps, rs, this.#batch);
        await uploadPhase(this.#steps, rs, this.#maxUploads);
        if (options.statuses ?? true) await statusPhase(this.#steps, rs, ['UPLOADED']);
      });
    } finally {
      this.#lease.release();
    }
    rs.summary.finishedAt = this.#o.clock.now();
    rs.summary.retrying = this.#steps.retryingNow();
    const s = rs.summary;
    if (s.synced.length + s.uploaded.length + s.parked.length + s.statusUpdated.length > 0 || s.stoppedBy) {
      this.#o.audit.append('SYNC_OUTBOX_RUN', null, { synced: s.synced.length, uploaded: s.uploaded.length, parked: s.parked.length, statuses: s.statusUpdated.length, stoppedBy: s.stoppedBy?.code ?? null });
    }
    return s;
  }
}
