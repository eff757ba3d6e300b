import { z } from 'zod';
import type { Page, PageRequest } from '../../../../schemas/paging';
import type { DB } from '../Database';
import { decodeCursor, pageSize, toPage } from '../pageCursor';
import { sql } from '../sql';

export interface AuditRow {
  seq: number;
  at: number;
  event: string;
  actor: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function lastAuditRow(db: DB): AuditRow | undefined {
  return db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow | undefined;
}

export function insertAuditRow(db: DB, row: AuditRow): void {
  const [query, params] = sql`INSERT INTO audit_log (seq, at, event, actor, details, prev_hash, hash)
    VALUES (${row.seq}, ${row.at}, ${row.event}, ${row.actor}, ${row.details}, ${row.prev_hash}, ${row.hash})`;
  db.prepare(query).run(...params);
}

/** Every row in order, streamed so verifying a large log does not load it all. */
export function iterateAuditRows(db: DB): IterableIterator<AuditRow> {
  return db.prepare('SELECT * FROM audit_log ORDER BY seq ASC').iterate() as IterableIterator<AuditRow>;
}

/** Up to `limit` rows after `seq`, in order: one slice of a walk that yields between slices. */
export function auditRowsAfter(db: DB, seq: number, limit: number): AuditRow[] {
  const [query, params] = sql`SELECT * FROM audit_log WHERE seq > ${seq} ORDER BY seq ASC LIMIT ${limit}`;
  return db.prepare(query).all(...params) as AuditRow[];
}

export function recentAuditRows(db: DB, limit: number): AuditRow[] {
  const [query, params] = sql`SELECT * FROM audit_log ORDER BY seq DESC LIMIT ${limit}`;
  return db.prepare(query).all(...params) as AuditRow[];
}

const AUDIT_LIST = 'audit';
const AuditKey = z.tuple([z.number().int().positive()]);

/**
 * One page of the log, newest first; `seq` is unique, so it alone is the keyset.
 * @throws AppError ERR_PAGE_CURSOR_INVALID
 */
export function pageAuditRows(db: DB, request: PageRequest = {}): Page<AuditRow> {
  const limit = pageSize(request.limit);
  const before = request.cursor === undefined ? null : decodeCursor(AUDIT_LIST, AuditKey, request.cursor)[0];
  const [q, p] = sql`SELECT * FROM audit_log WHERE (${before} IS NULL OR seq < ${before}) ORDER BY seq DESC LIMIT ${limit + 1}`;
  const rows = db.prepare(q).all(...p) as AuditRow[];
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return toPage(rows, limit, total, AUDIT_LIST, (r) => [r.seq], (r) => r);
}

const HOUR = 3_600_000;

/**
 * Rows at or after `since`: the whole hours from the per-hour counts (migration 140), the part of
 * an hour before the first whole one row by row (a local midnight is on the hour in most zones, so
 * that part is usually empty). Exact, and a day costs 24 rows however busy it was.
 */
export function countAuditRowsSince(db: DB, since: number): number {
  const firstWholeHour = Math.ceil(since / HOUR);
  const [q, p] = sql`SELECT (SELECT count(*) FROM audit_log WHERE at >= ${since} AND at < ${firstWholeHour * HOUR})
    + (SELECT coalesce(sum(n), 0) FROM audit_hour_counts WHERE hour >= ${firstWholeHour}) AS n`;
  return (db.prepare(q).get(...p) as { n: number }).n;
}
