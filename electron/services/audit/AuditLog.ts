import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEvent, AuditVerifyResult } from '../../../schemas/audit';
import type { Clock } from '../../../native/time/Clock';
import type { DB } from '../db/Database';
import { insertAuditRow, iterateAuditRows, lastAuditRow, recentAuditRows, countAuditRowsSince, type AuditRow } from '../db/repos/audit';
import { getMeta, setMeta } from '../db/repos/meta';

const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

/** sha256 over the row's fields and the previous hash; any edit to any field changes it. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const material = JSON.stringify([row.seq, row.at, row.event, row.actor, row.details, row.prev_hash]);
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Append-only, hash-chained audit log. Each entry carries the hash of the previous one; the
 * newest (seq, hash) is also kept as an anchor in `meta`, so deleting the last rows is detected too.
 */
export class AuditLog {
  readonly #db: DB;
  readonly #clock: Clock;

  constructor(db: DB, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Appends in an IMMEDIATE transaction so two processes (app and CLI) never fork the chain. */
  append(event: AuditEvent, actor: string | null, details: Record<string, unknown> = {}): AuditEntry {
    const write = this.#db.transaction((): AuditRow => {
      const last = lastAuditRow(this.#db);
      const base = {
        seq: (last?.seq ?? 0) + 1,
        at: this.#clock.now(),
        event,
        actor,
        details: JSON.stringify(details),
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      const row: AuditRow = { ...base, hash: hashAuditRow(base) };
      insertAuditRow(this.#db, row);
      setMeta(this.#db, HEAD_KEY, JSON.stringify({ seq: row.seq, hash: row.hash }));
      return row;
    });
    return toEntry(write.immediate());
  }

  /** Walks the whole chain; reports the first edited, missing or reordered row. */
  verify(): AuditVerifyResult {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let entries = 0;
    for (const row of iterateAuditRows(this.#db)) {
      if (row.seq !== expectedSeq) {
        return fail(entries, expectedSeq, `entry ${expectedSeq} is missing (next entry found is ${row.seq})`);
      }
      if (row.prev_hash !== prevHash) return fail(entries, row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`);
      if (hashAuditRow(row) !== row.hash) return fail(entries, row.seq, `entry ${row.seq} was modified after it was written`);
      prevHash = row.hash;
      expectedSeq++;
      entries++;
    }
    const head = readHead(this.#db);
    if (head && head.seq !== entries) {
      return fail(entries, entries + 1, `the log ends at entry ${entries} but entry ${head.seq} was written: entries were deleted`);
    }
    if (head && head.hash !== prevHash) return fail(entries, entries, `entry ${entries} does not match the recorded head of the log`);
    if (!head && entries > 0) return fail(entries, entries, 'the recorded head of the log is missing');
    return { ok: true, entries, problem: null };
  }

  recent(limit: number): AuditEntry[] {
    return recentAuditRows(this.#db, limit).map(toEntry);
  }

  countSince(since: number): number {
    return countAuditRowsSince(this.#db, since);
  }
}

function readHead(db: DB): { seq: number; hash: string } | undefined {
  const raw = getMeta(db, HEAD_KEY);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as { seq: unknown; hash: unknown };
    if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string') return { seq: parsed.seq, hash: parsed.hash };
  } catch {
    // A malformed head is reported below as a mismatch rather than thrown.
  }
  return { seq: -1, hash: '' };
}

function fail(entries: number, seq: number, reason: string): AuditVerifyResult {
  return { ok: false, entries, problem: { seq, reason } };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    event: row.event as AuditEvent,
    actor: row.actor,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
