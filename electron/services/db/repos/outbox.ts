import type { OutboxFilter, OutboxItem, OutboxState, SupervisorStatus } from '../../../../schemas/outbox';
import type { DB } from '../Database';
import { sql } from '../sql';
import { assert } from '../../../../schemas/errors/assert';
import { toErrorCode, type ErrorCode } from '../../../../schemas/errors';

/** An `outbox` row joined with its packet, as stored (0/1 and null, STYLE rule 43). */
export interface OutboxJoinRow {
  readonly packet_id: string;
  readonly rid: string;
  readonly process: string;
  readonly created_at: number;
  readonly size: number;
  readonly sha256: string;
  readonly file_name: string;
  readonly state: string;
  readonly attempts: number;
  readonly next_attempt_at: number | null;
  readonly last_error: string | null;
  readonly last_error_details: string | null;
  readonly supervisor_status: string | null;
  readonly reason_code: string | null;
  readonly supervisor_comment: string | null;
  readonly decided_by: string | null;
  readonly decided_at: number | null;
  readonly synced_at: number | null;
  readonly uploaded_at: number | null;
  readonly exported_at: number | null;
  readonly server_status: string | null;
  readonly server_status_at: number | null;
  readonly uin: string | null;
  readonly file_deleted_at: number | null;
  readonly additional_info_req_id: string | null;
  readonly sync_contact: string | null;
}

/** The columns a step may change; everything else about a packet is fixed at build time. */
export interface OutboxPatch {
  readonly state?: OutboxState;
  readonly attempts?: number;
  readonly nextAttemptAt?: number | null;
  readonly lastErrorCode?: ErrorCode | null;
  readonly lastErrorDetails?: Readonly<Record<string, unknown>> | null;
  readonly supervisorStatus?: SupervisorStatus | null;
  readonly reasonCode?: string | null;
  readonly supervisorComment?: string | null;
  readonly decidedBy?: string | null;
  readonly decidedAt?: number | null;
  readonly syncedAt?: number | null;
  readonly uploadedAt?: number | null;
  readonly exportedAt?: number | null;
  readonly serverStatus?: string | null;
  readonly serverStatusAt?: number | null;
  readonly uin?: string | null;
  readonly fileDeletedAt?: number | null;
}

/** An outbox item plus what the engine needs that the UI does not show. */
export interface OutboxRecord extends OutboxItem {
  readonly sha256: string;
  readonly fileName: string;
  readonly supervisorComment: string | null;
  readonly syncedAt: number | null;
  /** the server request a sub-process packet answers (kept in the packet row's meta at build time) */
  readonly additionalInfoReqId: string | null;
  /** the resident's name, email and phone for the RID sync (MOSIP's notifications); null for packets built without */
  readonly syncContact: Readonly<{ name: string | null; email: string | null; phone: string | null }> | null;
}

/** The joined columns every outbox read returns (paged lists add their WHERE and ORDER BY). */
export const SELECT = `SELECT p.packet_id, p.rid, p.process, p.created_at, p.size, p.sha256, p.file_name,
  o.state, o.attempts, o.next_attempt_at, o.last_error, o.last_error_details, o.supervisor_status, o.reason_code,
  o.supervisor_comment, o.decided_by, o.decided_at, o.synced_at, o.uploaded_at, o.exported_at, o.server_status,
  o.server_status_at, o.uin, o.file_deleted_at,
  CASE WHEN json_valid(p.meta) THEN json_extract(p.meta, '$.additionalInfoReqId') END AS additional_info_req_id,
  CASE WHEN json_valid(p.meta) THEN json_extract(p.meta, '$.syncContact') END AS sync_contact
  FROM outbox o JOIN packets p ON p.packet_id = o.packet_id`;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The stored contact (json_extract gives an object as JSON text), read defensively: it is only sent, never trusted. */
function syncContactOf(json: string | null): OutboxRecord['syncContact'] {
  if (json === null) return null;
  const parsed = JSON.parse(json) as Record<string, unknown> | null;
  return parsed && typeof parsed === 'object' ? { name: text(parsed['name']), email: text(parsed['email']), phone: text(parsed['phone']) } : null;
}

/** A stored row as the record the services use. */
export function hydrate(r: OutboxJoinRow): OutboxRecord {
  return {
    packetId: r.packet_id,
    rid: r.rid,
    process: r.process,
    createdAt: r.created_at,
    size: r.size,
    sha256: r.sha256,
    fileName: r.file_name,
    state: r.state as OutboxState,
    supervisorStatus: r.supervisor_status as SupervisorStatus | null,
    reasonCode: r.reason_code,
    supervisorComment: r.supervisor_comment,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    // parsed at the database boundary: a code this build's catalogue lacks reads as ERR_INTERNAL
    lastErrorCode: r.last_error === null ? null : toErrorCode(r.last_error),
    lastErrorDetails: r.last_error_details === null ? null : (JSON.parse(r.last_error_details) as Record<string, unknown>),
    syncedAt: r.synced_at,
    uploadedAt: r.uploaded_at,
    exportedAt: r.exported_at,
    serverStatus: r.server_status,
    serverStatusAt: r.server_status_at,
    uin: r.uin,
    fileDeletedAt: r.file_deleted_at,
    additionalInfoReqId: typeof r.additional_info_req_id === 'string' ? r.additional_info_req_id : null,
    syncContact: syncContactOf(r.sync_contact),
  };
}

/**
 * Every item by filter, oldest first, unbounded: tests and benches read whole tables with it. The
 * screens, the contract and the CLI read pages (outboxPage.ts: a LIMIT, a cursor and a COUNT).
 */
export function listOutbox(db: DB, filter: OutboxFilter = {}): OutboxRecord[] {
  const [q, p] = sql`WHERE (${filter.state ?? null} IS NULL OR o.state = ${filter.state ?? null})
    AND (${filter.from ?? null} IS NULL OR p.created_at >= ${filter.from ?? null})
    AND (${filter.to ?? null} IS NULL OR p.created_at < ${filter.to ?? null})
    ORDER BY p.created_at, p.packet_id`;
  return (db.prepare(`${SELECT} ${q}`).all(...p) as OutboxJoinRow[]).map(hydrate);
}

/** Items in any of `states`, oldest first. */
export function listOutboxInStates(db: DB, states: readonly OutboxState[]): OutboxRecord[] {
  const [q, p] = sql`WHERE o.state IN (SELECT value FROM json_each(${JSON.stringify(states)})) ORDER BY p.created_at, p.packet_id`;
  return (db.prepare(`${SELECT} ${q}`).all(...p) as OutboxJoinRow[]).map(hydrate);
}

/** One item by packet id or RID (operators type RIDs). */
export function findOutbox(db: DB, id: string): OutboxRecord | undefined {
  const [q, p] = sql`WHERE p.packet_id = ${id} OR p.rid = ${id}`;
  const row = db.prepare(`${SELECT} ${q}`).get(...p) as OutboxJoinRow | undefined;
  return row && hydrate(row);
}

/**
 * Applies `patch` to one item, only while it is still in `expected` state (a compare-and-set, so
 * two runs never both move the same packet). Returns the updated record, or undefined when the
 * state had already changed.
 */
export function patchOutbox(db: DB, packetId: string, expected: OutboxState, patch: OutboxPatch, now: number): OutboxRecord | undefined {
  const [sq, sp] = sql`WHERE p.packet_id = ${packetId}`;
  const row = db.prepare(`${SELECT} ${sq}`).get(...sp) as OutboxJoinRow | undefined;
  if (!row || row.state !== expected) return undefined;
  const cur = hydrate(row);
  const n = { ...cur, ...patch } as OutboxRecord & OutboxPatch;
  const details = patch.lastErrorDetails !== undefined ? patch.lastErrorDetails : cur.lastErrorDetails;
  const [q, p] = sql`UPDATE outbox SET state = ${n.state}, attempts = ${n.attempts}, next_attempt_at = ${n.nextAttemptAt},
    last_error = ${n.lastErrorCode}, last_error_details = ${details === null ? null : JSON.stringify(details)},
    supervisor_status = ${n.supervisorStatus}, reason_code = ${n.reasonCode}, supervisor_comment = ${n.supervisorComment},
    decided_by = ${n.decidedBy}, decided_at = ${n.decidedAt}, synced_at = ${n.syncedAt}, uploaded_at = ${n.uploadedAt},
    exported_at = ${n.exportedAt}, server_status = ${n.serverStatus}, server_status_at = ${n.serverStatusAt}, uin = ${n.uin},
    file_deleted_at = ${n.fileDeletedAt}, updated_at = ${now}
    WHERE packet_id = ${packetId} AND state = ${expected}`;
  const changes = db.prepare(q).run(...p).changes;
  // the row was read in state `expected` just above, in the same synchronous call
  assert(changes === 1, `patchOutbox: expected 1 change for ${packetId}, got ${changes}`);
  return { ...n, lastErrorDetails: details === null ? null : { ...details } };
}

/** Counts per state, for limits and status screens. */
export function countOutboxByState(db: DB, states: readonly OutboxState[]): Partial<Record<OutboxState, number>> {
  // only the states asked for: DONE holds the site's whole history, the limits never count it
  const [q, p] = sql`SELECT state, count(*) AS n FROM outbox WHERE state IN (SELECT value FROM json_each(${JSON.stringify(states)})) GROUP BY state`;
  const rows = db.prepare(q).all(...p) as { state: OutboxState; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * Files still on disk of DONE packets whose server status is one of `statuses`, counted and
 * summed (the packet row's size) in SQL, split at `cutoff` on the status time: retention's preview.
 * Named index (migration 140): it holds only the files still on disk, where SQLite, without
 * statistics, would pick outbox_state and read every DONE row of the history.
 */
export function retentionCandidates(db: DB, statuses: readonly string[], cutoff: number): { due: { files: number; bytes: number }; later: { files: number; bytes: number } } {
  const [q, p] = sql`SELECT count(CASE WHEN o.server_status_at <= ${cutoff} THEN 1 END) AS due_files,
    coalesce(sum(CASE WHEN o.server_status_at <= ${cutoff} THEN p.size END), 0) AS due_bytes,
    count(CASE WHEN o.server_status_at IS NULL OR o.server_status_at > ${cutoff} THEN 1 END) AS later_files,
    coalesce(sum(CASE WHEN o.server_status_at IS NULL OR o.server_status_at > ${cutoff} THEN p.size END), 0) AS later_bytes
    FROM outbox o INDEXED BY outbox_on_disk_done JOIN packets p ON p.packet_id = o.packet_id
    WHERE o.state = 'DONE' AND o.file_deleted_at IS NULL AND o.server_status IN (SELECT value FROM json_each(${JSON.stringify(statuses)}))`;
  const r = db.prepare(q).get(...p) as { due_files: number; due_bytes: number; later_files: number; later_bytes: number };
  return { due: { files: r.due_files, bytes: r.due_bytes }, later: { files: r.later_files, bytes: r.later_bytes } };
}

/** Oldest creation time among items in `states`, or undefined. */
export function oldestCreatedAt(db: DB, states: readonly OutboxState[]): number | undefined {
  const [q, p] = sql`SELECT min(p.created_at) AS t FROM outbox o JOIN packets p ON p.packet_id = o.packet_id
    WHERE o.state IN (SELECT value FROM json_each(${JSON.stringify(states)}))`;
  return (db.prepare(q).get(...p) as { t: number | null }).t ?? undefined;
}

/** Latest upload or export time of any packet: when packets last left this machine. */
export function lastDepartureAt(db: DB): number | undefined {
  // two max() over their own indexes (migration 140): each one seek, where max(a, b) over the rows read them all
  const row = db.prepare('SELECT max(coalesce((SELECT max(uploaded_at) FROM outbox), 0), coalesce((SELECT max(exported_at) FROM outbox), 0)) AS t').get() as { t: number | null };
  return row.t ? row.t : undefined;
}

/**
 * A new packet's outbox job (PENDING: waiting for the supervisor). This module owns every
 * statement on the `outbox` table; the packets repository calls this in its own transaction.
 */
export function insertOutboxJob(db: DB, packetId: string, now: number): void {
  const [q, p] = sql`INSERT INTO outbox (packet_id, state, attempts, next_attempt_at, last_error, updated_at)
    VALUES (${packetId}, 'PENDING', 0, ${now}, NULL, ${now})`;
  const result = db.prepare(q).run(...p);
  assert(result.changes === 1, `insertOutboxJob: expected 1 outbox row, got ${result.changes}`);
}

/** Outbox jobs of one packet (tests and the sync engine). */
export function outboxJobs(db: DB, packetId: string): { state: string; attempts: number }[] {
  const [q, p] = sql`SELECT state, attempts FROM outbox WHERE packet_id = ${packetId}`;
  return db.prepare(q).all(...p) as { state: string; attempts: number }[];
}

/** The UI/CLI view of a record (engine-only fields dropped). */
export function publicItem(r: OutboxRecord): OutboxItem {
  const { sha256: _sha, fileName: _file, supervisorComment: _comment, syncedAt: _synced, ...item } = r;
  return item;
}

/**
 * After a restore, every packet that may have left the machine after the backup was taken (RID
 * synced, uploaded, or in flight since) is put where an exported packet is: the next sync asks the
 * server for its status first, and sends only what the server lacks (OutboxService exportedPhase:
 * known → UPLOADED/DONE, RID-synced only → upload, unknown → RID sync and upload). Without it a
 * packet uploaded between the backup and the loss would go up a second time.
 * @returns how many packets will be checked with the server first
 */
export function askServerFirstAfterRestore(db: DB, now: number): number {
  const [q, p] = sql`UPDATE outbox SET state = 'EXPORTED', next_attempt_at = ${now}, updated_at = ${now} WHERE state IN ('READY', 'SYNCED', 'UPLOADING')`;
  return db.prepare(q).run(...p).changes;
}
