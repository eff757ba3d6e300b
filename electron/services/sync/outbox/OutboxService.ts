import { join } from 'node:path';
import { AppError, isAppError } from '../../../../schemas/errors';
import type { RidSyncRecord } from '../../../../schemas/mosipSync';
import { TERMINAL_SERVER_STATUSES, type OutboxFilter, type OutboxItem, type OutboxRunSummary, type OutboxState, type SyncProgress } from '../../../../schemas/outbox';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { findOutbox, listOutbox, listOutboxInStates, patchOutbox, type OutboxPatch, type OutboxRecord } from '../../db/repos/outbox';
import { publicItem } from '../approval/PacketApprovalService';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../backoff';
import type { RegProcClient } from '../RegProcClient';
import { syncErrorDisposition } from '../syncErrorDisposition';
import { fileSha256 } from './fileSha256';
import { RunLease } from './RunLease';

/** The registration-processor calls the outbox makes (RegProcClient; a fake in unit tests). */
export type OutboxServer = Pick<RegProcClient, 'syncPackets' | 'uploadPacket' | 'searchStatus'>;

export interface OutboxServiceOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** in [0, 1): the jitter source of the backoff */
  readonly random: () => number;
  /** `<dataDir>/packets` */
  readonly packetsDir: string;
  readonly server: OutboxServer;
  /** renews the server session after a 401 (refresh token, else a stored login); throws when it cannot */
  readonly reauth: () => Promise<void>;
  readonly backoff?: BackoffOptions;
  /** uploads in flight at once (1 or 2; default 2, the brief's and the server's comfort) */
  readonly maxConcurrentUploads?: number;
  /** records per syncV2 call (Java client: 10) */
  readonly ridSyncBatchSize?: number;
  /** `langCode` of the RID sync (3 letters) */
  readonly langCode?: string;
  /** re-authentications allowed in one run before it stops and asks for a login */
  readonly maxReauthPerRun?: number;
  /** how often `drain` looks again while another runner (the app or the CLI) holds the outbox; default 5 s */
  readonly busyPollMs?: number;
  readonly onDidChange?: (item: OutboxItem) => void;
  readonly onDidProgress?: (progress: SyncProgress) => void;
}

/** Errors about the machine or the session, not about one packet: the run stops, nothing is parked. */
const RUN_STOPPERS = new Set(['ERR_SYNC_CLOCK_SKEW', 'ERR_SYNC_MACHINE_NOT_REGISTERED', 'ERR_SYNC_SIGNATURE_INVALID', 'ERR_SYNC_NOT_CONFIGURED', 'ERR_SYNC_DECRYPT_FAILED', 'ERR_SYNC_LOGIN_FAILED', 'ERR_SYNC_AUTH_EXPIRED']);
/** The server has the packet bytes (or had them and moved on). */
const NOT_YET_RECEIVED = new Set(['UPLOAD_PENDING', 'RESEND']);
const TERMINAL = new Set<string>(TERMINAL_SERVER_STATUSES);
const STATUS_BATCH = 100;
/** States a later pass can move without the server's processing or a person. */
const PENDING: readonly OutboxState[] = ['READY', 'SYNCED', 'UPLOADING'];

class RunStop extends Error {
  constructor(readonly code: string, readonly details: Record<string, unknown>) {
    super(code);
  }
}

interface RunState {
  readonly summary: Mutable<OutboxRunSummary>;
  reauths: number;
  /** a network/server failure was seen: start no new requests in this run */
  backingOff: boolean;
  readonly signal: AbortSignal | undefined;
  /** a person pressed "sync now": items waiting out an automatic backoff go too */
  readonly ignoreBackoff: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  readonly #backoff: BackoffOptions;
  readonly #maxUploads: number;
  readonly #batch: number;
  #running: Promise<OutboxRunSummary> | undefined;
  #extraProgress: ((p: SyncProgress) => void) | undefined;
  /** one runner per database across processes: the CAS on each row guards a step, not a whole run */
  readonly #lease: RunLease;

  constructor(options: OutboxServiceOptions) {
    const maxUploads = options.maxConcurrentUploads ?? 2;
    if (maxUploads !== 1 && maxUploads !== 2) throw new TypeError(`OutboxService: maxConcurrentUploads must be 1 or 2, got ${maxUploads}`);
    const batch = options.ridSyncBatchSize ?? 10;
    if (!Number.isInteger(batch) || batch < 1 || batch > 100) throw new TypeError(`OutboxService: ridSyncBatchSize must be 1..100, got ${batch}`);
    if (!/^[a-z]{3}$/.test(options.langCode ?? 'por')) throw new TypeError('OutboxService: langCode must be 3 letters');
    this.#o = options;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#maxUploads = maxUploads;
    this.#batch = batch;
    this.#lease = new RunLease({ db: options.db, clock: options.clock, name: 'outbox' });
  }

  /** Items for the EOD screens and `packets list`. */
  list(filter: OutboxFilter = {}): OutboxItem[] {
    return listOutbox(this.#o.db, filter).map(publicItem);
  }

  /** Parked items with their reason (code + details), oldest first. */
  parked(): OutboxItem[] {
    return this.list({ state: 'PARKED' });
  }

  /** The earliest time a retrying item is due, if any item waits on backoff. */
  nextAttemptAt(): number | undefined {
    const waiting = listOutboxInStates(this.#o.db, ['READY', 'SYNCED', 'UPLOADING', 'UPLOADED']).map((r) => r.nextAttemptAt ?? 0);
    return waiting.length ? Math.min(...waiting) : undefined;
  }

  /** True while items remain that a later run can move (not parked, not waiting for a person or the server's processing). */
  hasPendingWork(): boolean {
    return listOutboxInStates(this.#o.db, PENDING).length > 0;
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
  async drain(options: Readonly<{ signal?: AbortSignal; deadline: number }>): Promise<OutboxRunSummary> {
    const total = emptySummary(this.#o.clock.now());
    for (;;) {
      const pass = await this.run({ signal: options.signal });
      mergeSummary(total, pass);
      if (pass.stoppedBy?.code === 'ERR_SYNC_BUSY') {
        // another runner has the outbox (the app while the CLI drains, or the reverse): wait it out
        const again = this.#o.clock.now() + (this.#o.busyPollMs ?? 5000);
        if (again > options.deadline) break;
        await waitUntil(this.#o.clock, again, options.signal);
        continue;
      }
      if (pass.stoppedBy || !this.hasPendingWork()) break;
      // Only the items that keep the drain going: an UPLOADED packet waiting for the server's
      // processing (nextAttemptAt often null) made this wait 0 ms and the loop spin at full CPU.
      const next = Math.min(...listOutboxInStates(this.#o.db, PENDING).map((r) => r.nextAttemptAt ?? 0));
      if (next > options.deadline) break;
      await waitUntil(this.#o.clock, next, options.signal);
    }
    total.finishedAt = this.#o.clock.now();
    total.retrying = this.#retryingNow();
    return total;
  }

  /** {@link drain} with a progress callback for this drain only (the CLI's progress bar). */
  async drainWithProgress(onProgress: (p: SyncProgress) => void, deadline: number, signal?: AbortSignal): Promise<OutboxRunSummary> {
    this.#extraProgress = onProgress;
    try {
      return await this.drain({ deadline, ...(signal ? { signal } : {}) });
    } finally {
      this.#extraProgress = undefined;
    }
  }

  /** Status query for uploaded and exported packets (`regclient status reconcile`). */
  async pollStatuses(options: Readonly<{ signal?: AbortSignal }> = {}): Promise<OutboxRunSummary> {
    const rs = this.#runState(options.signal);
    await this.#guard(rs, () => this.#statusPhase(rs, ['UPLOADED', 'EXPORTED']));
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
    const next = this.#patch(item, { state: 'READY', attempts: 0, nextAttemptAt: this.#o.clock.now(), lastErrorCode: null, lastErrorDetails: null });
    this.#o.audit.append('SYNC_OUTBOX_RUN', actor, { requeued: item.rid });
    return publicItem(next!);
  }

  async #run(options: Readonly<{ signal?: AbortSignal; statuses?: boolean; ignoreBackoff?: boolean }>): Promise<OutboxRunSummary> {
    const rs = this.#runState(options.signal, options.ignoreBackoff ?? false);
    const holder = this.#lease.take();
    if (holder) {
      rs.summary.stoppedBy = { code: 'ERR_SYNC_BUSY', details: { pid: holder.pid } };
      return rs.summary;
    }
    try {
      await this.#guard(rs, async () => {
        await this.#exportedPhase(rs);
        await this.#ridSyncPhase(rs);
        await this.#uploadPhase(rs);
        if (options.statuses ?? true) await this.#statusPhase(rs, ['UPLOADED']);
      });
    } finally {
      this.#lease.release();
    }
    rs.summary.finishedAt = this.#o.clock.now();
    rs.summary.retrying = this.#retryingNow();
    const s = rs.summary;
    if (s.synced.length + s.uploaded.length + s.parked.length + s.statusUpdated.length > 0 || s.stoppedBy) {
      this.#o.audit.append('SYNC_OUTBOX_RUN', null, { synced: s.synced.length, uploaded: s.uploaded.length, parked: s.parked.length, statuses: s.statusUpdated.length, stoppedBy: s.stoppedBy?.code ?? null });
    }
    return s;
  }

  #runState(signal: AbortSignal | undefined, ignoreBackoff = false): RunState {
    return { summary: emptySummary(this.#o.clock.now()), reauths: 0, backingOff: false, signal, ignoreBackoff };
  }

  async #guard(rs: RunState, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (err) {
      if (err instanceof RunStop) rs.summary.stoppedBy = { code: err.code, details: err.details };
      else throw err;
    }
  }

  #due(rs: RunState, states: readonly OutboxState[]): OutboxRecord[] {
    const now = this.#o.clock.now();
    const all = listOutboxInStates(this.#o.db, states);
    return rs.ignoreBackoff ? all : all.filter((r) => (r.nextAttemptAt ?? 0) <= now);
  }

  // ---- exported packets ---------------------------------------------------------------------------

  /**
   * An export does not take a packet off the network path: online, it goes up like any other
   * (MOSIP 1.2 uploads EXPORTED too: RegistrationConstants.PACKET_UPLOAD_STATUS, used by
   * PacketUploadServiceImpl.uploadSyncedPackets). The server is asked first, so a packet an
   * administrator already uploaded from the USB copy is not sent again.
   */
  async #exportedPhase(rs: RunState): Promise<void> {
    const items = this.#due(rs, ['EXPORTED']);
    for (let i = 0; i < items.length && !rs.backingOff; i += STATUS_BATCH) {
      const batch = items.slice(i, i + STATUS_BATCH);
      await this.#step(rs, [], async () => {
        const statuses = await this.#o.server.searchStatus(batch.map((r) => r.rid), rs.signal);
        const byRid = new Map(statuses.map((s) => [s.registrationId, s.statusCode]));
        for (const item of batch) {
          const code = byRid.get(item.rid);
          if (code && !NOT_YET_RECEIVED.has(code)) this.#applyStatus(rs, item, code);
          // RID-synced without the bytes: upload; unknown to the server or RESEND: RID sync first
          else this.#patch(item, { state: code === 'UPLOAD_PENDING' ? 'SYNCED' : 'READY', nextAttemptAt: this.#o.clock.now() });
        }
      });
    }
  }

  // ---- RID sync -------------------------------------------------------------------------------

  async #ridSyncPhase(rs: RunState): Promise<void> {
    const ready = this.#due(rs, ['READY']);
    let done = 0;
    for (let i = 0; i < ready.length && !rs.backingOff; i += this.#batch) {
      const batch = ready.slice(i, i + this.#batch);
      await this.#step(rs, batch, async () => {
        const outcome = await this.#o.server.syncPackets(batch.map((r) => this.#record(r)), rs.signal);
        const failed = new Map(outcome.failed.map((f) => [f.registrationId, f]));
        const ok = new Set(outcome.synced.map((s) => s.registrationId));
        for (const item of batch) {
          const refusal = failed.get(item.rid);
          if (refusal) this.#park(rs, item, 'ERR_SYNC_REJECTED', { endpoint: 'registrationstatus/syncV2', errorCode: refusal.errorCode, message: refusal.message ?? '' });
          else if (ok.has(item.rid)) {
            this.#patch(item, { state: 'SYNCED', syncedAt: this.#o.clock.now(), attempts: 0, nextAttemptAt: null, lastErrorCode: null, lastErrorDetails: null });
            rs.summary.synced.push(item.rid);
          }
        }
      });
      done += batch.length;
      this.#progress({ phase: 'ridSync', done, total: ready.length, rid: null });
    }
  }

  #record(r: OutboxRecord): RidSyncRecord {
    return {
      registrationId: r.rid,
      packetId: r.packetId,
      // without it the packet receiver refuses a sub-process packet (RPR-PKR-016)
      additionalInfoReqId: r.additionalInfoReqId,
      registrationType: r.process,
      packetHashValue: r.sha256,
      packetSize: r.size,
      supervisorStatus: r.supervisorStatus === 'REJECTED' ? 'REJECTED' : 'APPROVED',
      supervisorComment: r.supervisorComment,
      langCode: this.#o.langCode ?? 'por',
      // regproc keeps them (encrypted) to notify the resident (SyncRegistrationServiceImpl.convertDtoToEntity)
      name: r.syncContact?.name ?? null,
      email: r.syncContact?.email ?? null,
      phone: r.syncContact?.phone ?? null,
    };
  }

  // ---- upload -----------------------------------------------------------------------------------

  async #uploadPhase(rs: RunState): Promise<void> {
    const queue = this.#due(rs, ['UPLOADING', 'SYNCED']);
    const total = queue.length;
    let done = 0;
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    const worker = async (index: number): Promise<void> => {
      // Staggered start: two equal uploads started together finish together and then both wait for
      // the server's answer with the link idle; one packet apart, one is always on the wire.
      if (index > 0) await first;
      for (let item = queue.shift(); item && !rs.backingOff; item = queue.shift()) {
        try {
          await this.#step(rs, [item], () => this.#uploadOne(rs, item));
        } finally {
          firstDone();
        }
        done += 1;
        this.#progress({ phase: 'upload', done, total, rid: item.rid });
      }
      firstDone();
    };
    await Promise.all(Array.from({ length: Math.min(this.#maxUploads, Math.max(1, total)) }, (_, i) => worker(i)));
  }

  async #uploadOne(rs: RunState, item: OutboxRecord): Promise<void> {
    // Fresh from SQLite: a retried step (after a re-login) may find the item already UPLOADING;
    // an export or a person may have moved it since the queue was read.
    let current = fresh(this.#o.db, item);
    if (current.state !== 'SYNCED' && current.state !== 'UPLOADING') return;
    if (current.state === 'UPLOADING') {
      // An earlier upload may have reached the server before a crash or a lost answer: ask first.
      const [status] = await this.#o.server.searchStatus([current.rid], rs.signal);
      if (status && !NOT_YET_RECEIVED.has(status.statusCode)) {
        this.#uploaded(rs, current, status.statusCode);
        return;
      }
    }
    const path = join(this.#o.packetsDir, current.fileName);
    const problem = await this.#fileProblem(current, path);
    if (problem) {
      this.#park(rs, current, problem.code, problem.details);
      return;
    }
    if (current.state === 'SYNCED') {
      const claimed = this.#patch(current, { state: 'UPLOADING' });
      if (!claimed) return; // the compare-and-set lost: someone else moved this packet first
      current = claimed;
    }
    await this.#o.server.uploadPacket(path, rs.signal);
    this.#uploaded(rs, current, null);
  }

  async #fileProblem(item: OutboxRecord, path: string): Promise<{ code: 'ERR_SYNC_PACKET_CORRUPTED' | 'ERR_SYNC_PACKET_FILE_MISSING'; details: Record<string, unknown> } | undefined> {
    let actual: string;
    try {
      actual = await fileSha256(path);
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return { code: 'ERR_SYNC_PACKET_FILE_MISSING', details: { rid: item.rid, path } };
      throw err;
    }
    if (actual !== item.sha256.toUpperCase()) return { code: 'ERR_SYNC_PACKET_CORRUPTED', details: { rid: item.rid, expected: item.sha256, actual } };
    return undefined;
  }

  #uploaded(rs: RunState, item: OutboxRecord, serverStatus: string | null): void {
    const now = this.#o.clock.now();
    this.#patch(item, { state: 'UPLOADED', uploadedAt: now, attempts: 0, nextAttemptAt: null, lastErrorCode: null, lastErrorDetails: null, ...(serverStatus ? { serverStatus, serverStatusAt: now } : {}) });
    this.#o.audit.append('PACKET_UPLOADED', null, { packetId: item.packetId, rid: item.rid });
    rs.summary.uploaded.push(item.rid);
  }

  // ---- status ------------------------------------------------------------------------------------

  async #statusPhase(rs: RunState, states: readonly OutboxState[]): Promise<void> {
    const items = listOutboxInStates(this.#o.db, states);
    for (let i = 0; i < items.length && !rs.backingOff; i += STATUS_BATCH) {
      const batch = items.slice(i, i + STATUS_BATCH);
      await this.#step(rs, [], async () => {
        // The real RIDs: the Java client's status job sends an empty request list here.
        const statuses = await this.#o.server.searchStatus(batch.map((r) => r.rid), rs.signal);
        const byRid = new Map(statuses.map((s) => [s.registrationId, s.statusCode]));
        for (const item of batch) {
          const code = byRid.get(item.rid);
          if (code) this.#applyStatus(rs, item, code);
        }
      });
      this.#progress({ phase: 'status', done: Math.min(i + STATUS_BATCH, items.length), total: items.length, rid: null });
    }
  }

  #applyStatus(rs: RunState, item: OutboxRecord, code: string): void {
    const now = this.#o.clock.now();
    const seen = { serverStatus: code, serverStatusAt: item.serverStatus === code ? item.serverStatusAt : now };
    let patch: OutboxPatch;
    if (TERMINAL.has(code)) patch = { ...seen, state: 'DONE' };
    else if (NOT_YET_RECEIVED.has(code)) {
      // RESEND, or an uploaded packet the server lost: sync and upload again. An exported packet simply waits.
      if (item.state === 'EXPORTED') patch = seen;
      else patch = { ...seen, state: 'READY', nextAttemptAt: now };
    } else patch = { ...seen, state: 'UPLOADED', uploadedAt: item.uploadedAt ?? now };
    if (item.serverStatus === code && (patch.state ?? item.state) === item.state) return;
    this.#patch(item, patch);
    rs.summary.statusUpdated.push({ rid: item.rid, status: code });
  }

  // ---- failures -----------------------------------------------------------------------------------

  /** Runs one step for `items`; a failure is retried, re-authenticated or parked by its class. */
  async #step(rs: RunState, items: readonly OutboxRecord[], body: () => Promise<void>): Promise<void> {
    const usurper = this.#lease.renew();
    if (usurper) throw new RunStop('ERR_SYNC_BUSY', { pid: usurper.pid });
    for (;;) {
      try {
        await body();
        return;
      } catch (err) {
        if (rs.signal?.aborted) throw err;
        const first = items[0];
        const disposition = syncErrorDisposition(err, first?.attempts ?? 0, this.#o.random, this.#backoff);
        switch (disposition.action) {
          case 'cancelled':
            throw err;
          case 'retry':
            rs.backingOff = true;
            if (items.length === 0) rs.summary.retrying.push({ rid: '', code: disposition.code, nextAttemptAt: this.#o.clock.now() + disposition.delayMs });
            for (const item of items) this.#retryLater(rs, fresh(this.#o.db, item), err as AppError);
            return;
          case 'reauth':
            await this.#reauth(rs, err as AppError);
            continue; // the same step again, with the new session
          case 'park': {
            if (RUN_STOPPERS.has(disposition.code) || items.length === 0) throw new RunStop(disposition.code, { ...disposition.details });
            for (const item of items) this.#park(rs, fresh(this.#o.db, item), disposition.code, disposition.details);
            return;
          }
          default: {
            const never: never = disposition;
            throw new Error(`OutboxService: unknown disposition ${String(never)}`);
          }
        }
      }
    }
  }

  async #reauth(rs: RunState, cause: AppError): Promise<void> {
    if (rs.reauths >= (this.#o.maxReauthPerRun ?? 3)) throw new RunStop(cause.code, { ...(cause.details as object) });
    rs.reauths += 1;
    try {
      await this.#o.reauth();
    } catch (err) {
      if (!isAppError(err)) throw err;
      throw new RunStop(err.code === 'ERR_SYNC_LOGIN_FAILED' ? 'ERR_SYNC_AUTH_EXPIRED' : err.code, { ...(err.details as object) });
    }
  }

  #retryLater(rs: RunState, item: OutboxRecord, err: AppError): void {
    const d = syncErrorDisposition(err, item.attempts, this.#o.random, this.#backoff);
    const delay = d.action === 'retry' ? d.delayMs : 0;
    this.#patch(item, { attempts: item.attempts + 1, nextAttemptAt: this.#o.clock.now() + delay, lastErrorCode: err.code, lastErrorDetails: { ...(err.details as object) } });
  }

  #park(rs: RunState, item: OutboxRecord, code: string, details: Readonly<Record<string, unknown>>): void {
    this.#patch(item, { state: 'PARKED', lastErrorCode: code, lastErrorDetails: details, nextAttemptAt: null });
    this.#o.audit.append('PACKET_PARKED', null, { packetId: item.packetId, rid: item.rid, code, details });
    rs.summary.parked.push({ rid: item.rid, code, details: { ...details } });
  }

  #patch(item: OutboxRecord, patch: OutboxPatch): OutboxRecord | undefined {
    const next = patchOutbox(this.#o.db, item.packetId, item.state, patch, this.#o.clock.now());
    if (next) this.#o.onDidChange?.(publicItem(next));
    return next;
  }

  #progress(p: SyncProgress): void {
    this.#o.onDidProgress?.(p);
    this.#extraProgress?.(p);
  }

  #retryingNow(): OutboxRunSummary['retrying'] {
    return listOutboxInStates(this.#o.db, ['READY', 'SYNCED', 'UPLOADING'])
      .filter((r) => r.lastErrorCode !== null && r.nextAttemptAt !== null)
      .map((r) => ({ rid: r.rid, code: r.lastErrorCode!, nextAttemptAt: r.nextAttemptAt! }));
  }
}

/** The row as it is now (a step may have moved it before failing). */
function fresh(db: DB, item: OutboxRecord): OutboxRecord {
  return findOutbox(db, item.packetId) ?? item;
}

function emptySummary(now: number): Mutable<OutboxRunSummary> {
  return { startedAt: now, finishedAt: now, synced: [], uploaded: [], statusUpdated: [], parked: [], retrying: [], stoppedBy: null };
}

function mergeSummary(into: Mutable<OutboxRunSummary>, pass: OutboxRunSummary): void {
  into.synced.push(...pass.synced);
  into.uploaded.push(...pass.uploaded);
  into.statusUpdated.push(...pass.statusUpdated);
  into.parked.push(...pass.parked);
  into.stoppedBy = pass.stoppedBy;
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
