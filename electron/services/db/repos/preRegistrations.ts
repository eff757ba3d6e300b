import type { DB } from '../Database';
import { sql } from '../sql';

/** A downloaded pre-registration application (the decrypted zip), or a used PRID's tombstone. */
export interface PreRegistrationRow {
  readonly prid: string;
  readonly centreId: string | null;
  /** `yyyy-MM-dd`, as the server sends it */
  readonly appointmentDate: string | null;
  readonly fromTimeSlot: string | null;
  readonly toTimeSlot: string | null;
  /** the server's last update time of the application (bulk list), to skip unchanged ones */
  readonly serverUpdatedAt: string | null;
  /** the zip (ID.json + documents); null once consumed */
  readonly zip: Buffer | null;
  readonly downloadedAt: number;
  readonly consumedAt: number | null;
}

interface DbRow { prid: string; centre_id: string | null; appointment_date: string | null; from_time_slot: string | null; to_time_slot: string | null; server_updated_at: string | null; zip: Buffer | null; downloaded_at: number; consumed_at: number | null }

function toRow(r: DbRow): PreRegistrationRow {
  return {
    prid: r.prid, centreId: r.centre_id, appointmentDate: r.appointment_date, fromTimeSlot: r.from_time_slot, toTimeSlot: r.to_time_slot,
    serverUpdatedAt: r.server_updated_at, zip: r.zip, downloadedAt: r.downloaded_at, consumedAt: r.consumed_at,
  };
}

export function getPreRegistration(db: DB, prid: string): PreRegistrationRow | undefined {
  const [q, p] = sql`SELECT * FROM pre_registrations WHERE prid = ${prid}`;
  const row = db.prepare(q).get(...p) as DbRow | undefined;
  return row ? toRow(row) : undefined;
}

/** Stores a downloaded application; a consumed PRID is never overwritten (it stays refused). */
export function putPreRegistration(db: DB, row: Omit<PreRegistrationRow, 'consumedAt'>): boolean {
  const [q, p] = sql`INSERT INTO pre_registrations (prid, centre_id, appointment_date, from_time_slot, to_time_slot, server_updated_at, zip, downloaded_at, consumed_at)
    VALUES (${row.prid}, ${row.centreId}, ${row.appointmentDate}, ${row.fromTimeSlot}, ${row.toTimeSlot}, ${row.serverUpdatedAt}, ${row.zip}, ${row.downloadedAt}, NULL)
    ON CONFLICT (prid) DO UPDATE SET centre_id = excluded.centre_id, appointment_date = excluded.appointment_date,
      from_time_slot = excluded.from_time_slot, to_time_slot = excluded.to_time_slot, server_updated_at = excluded.server_updated_at,
      zip = excluded.zip, downloaded_at = excluded.downloaded_at
    WHERE pre_registrations.consumed_at IS NULL`;
  return db.prepare(q).run(...p).changes > 0;
}

/** After packet creation: the application's data is deleted, the PRID kept as used. */
export function consumePreRegistration(db: DB, prid: string, now: number): void {
  const [q, p] = sql`INSERT INTO pre_registrations (prid, zip, downloaded_at, consumed_at) VALUES (${prid}, NULL, ${now}, ${now})
    ON CONFLICT (prid) DO UPDATE SET zip = NULL, consumed_at = ${now}`;
  db.prepare(q).run(...p);
}

/**
 * Deletes unused downloaded applications whose appointment (or, without one, download) is older
 * than `cutoffDate` / `cutoffMs`; returns the PRIDs deleted. Used-PRID tombstones are kept.
 */
export function deleteStalePreRegistrations(db: DB, cutoffDate: string, cutoffMs: number): string[] {
  const [q, p] = sql`DELETE FROM pre_registrations WHERE consumed_at IS NULL
    AND ((appointment_date IS NOT NULL AND appointment_date < ${cutoffDate}) OR (appointment_date IS NULL AND downloaded_at < ${cutoffMs}))
    RETURNING prid`;
  return (db.prepare(q).all(...p) as { prid: string }[]).map((r) => r.prid);
}
