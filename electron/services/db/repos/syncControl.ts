import type { DB } from '../Database';
import { sql } from '../sql';

/** Per sync job: the server's `lastSyncTime` of the last success (the next delta's `lastUpdated`). */
export interface SyncControl {
  readonly job: string;
  readonly serverTime: string | undefined;
  readonly lastSuccessAt: number | undefined;
  readonly lastAttemptAt: number;
  readonly lastErrorCode: string | undefined;
}

interface SyncControlRow {
  job: string;
  server_time: string | null;
  last_success_at: number | null;
  last_attempt_at: number;
  last_error_code: string | null;
}

export function getSyncControl(db: DB, job: string): SyncControl | undefined {
  const [q, p] = sql`SELECT * FROM sync_control WHERE job = ${job}`;
  const row = db.prepare(q).get(...p) as SyncControlRow | undefined;
  if (!row) return undefined;
  return {
    job: row.job,
    serverTime: row.server_time ?? undefined,
    lastSuccessAt: row.last_success_at ?? undefined,
    lastAttemptAt: row.last_attempt_at,
    lastErrorCode: row.last_error_code ?? undefined,
  };
}

export function recordSyncSuccess(db: DB, job: string, serverTime: string | null, now: number): void {
  const [q, p] = sql`INSERT INTO sync_control (job, server_time, last_success_at, last_attempt_at, last_error_code)
    VALUES (${job}, ${serverTime}, ${now}, ${now}, NULL)
    ON CONFLICT (job) DO UPDATE SET server_time = COALESCE(excluded.server_time, server_time),
      last_success_at = excluded.last_success_at, last_attempt_at = excluded.last_attempt_at, last_error_code = NULL`;
  db.prepare(q).run(...p);
}

/** A failure keeps the previous watermark, so the next attempt asks for the same delta again. */
export function recordSyncFailure(db: DB, job: string, errorCode: string, now: number): void {
  const [q, p] = sql`INSERT INTO sync_control (job, server_time, last_success_at, last_attempt_at, last_error_code)
    VALUES (${job}, NULL, NULL, ${now}, ${errorCode})
    ON CONFLICT (job) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, last_error_code = excluded.last_error_code`;
  db.prepare(q).run(...p);
}
