import type { DB } from '../Database';
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

export function countAuditRowsSince(db: DB, since: number): number {
  const [query, params] = sql`SELECT count(*) AS n FROM audit_log WHERE at >= ${since}`;
  return (db.prepare(query).get(...params) as { n: number }).n;
}
