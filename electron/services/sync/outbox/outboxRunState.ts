import { TERMINAL_SERVER_STATUSES, type OutboxRunSummary, type OutboxState } from '../../../../schemas/outbox';
import type { ErrorCode } from '../../../../schemas/errors';

/** The server has the packet bytes (or had them and moved on). */
export const NOT_YET_RECEIVED = new Set(['UPLOAD_PENDING', 'RESEND']);
export const TERMINAL = new Set<string>(TERMINAL_SERVER_STATUSES);
/** RIDs per status query */
export const STATUS_BATCH = 100;
/** States a later pass can move without the server's processing or a person. */
export const PENDING: readonly OutboxState[] = ['READY', 'SYNCED', 'UPLOADING'];

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Ends a run for a machine-wide reason (see {@link guard}); nothing is parked for it. */
export class RunStop extends Error {
  constructor(readonly code: ErrorCode, readonly details: Record<string, unknown>) {
    super(code);
  }
}

/** What one pass carries from phase to phase. */
export interface RunState {
  readonly summary: Mutable<OutboxRunSummary>;
  reauths: number;
  /** a network/server failure was seen: start no new requests in this run */
  backingOff: boolean;
  readonly signal: AbortSignal | undefined;
  /** a person pressed "sync now": items waiting out an automatic backoff go too */
  readonly ignoreBackoff: boolean;
}

export function newRunState(now: number, signal: AbortSignal | undefined, ignoreBackoff = false): RunState {
  return { summary: emptySummary(now), reauths: 0, backingOff: false, signal, ignoreBackoff };
}

export function emptySummary(now: number): Mutable<OutboxRunSummary> {
  return { startedAt: now, finishedAt: now, synced: [], uploaded: [], statusUpdated: [], parked: [], retrying: [], stoppedBy: null };
}

export function mergeSummary(into: Mutable<OutboxRunSummary>, pass: OutboxRunSummary): void {
  into.synced.push(...pass.synced);
  into.uploaded.push(...pass.uploaded);
  into.statusUpdated.push(...pass.statusUpdated);
  into.parked.push(...pass.parked);
  into.stoppedBy = pass.stoppedBy;
}

/** Runs `body`; a {@link RunStop} becomes the summary's `stoppedBy`, anything else is rethrown. */
export async function guard(rs: RunState, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof RunStop) rs.summary.stoppedBy = { code: err.code, details: err.details };
    else throw err;
  }
}
