import type { Migration } from './Migration';

/**
 * Pre-registration applications downloaded for offline use (MOSIP `REG.PRE_REGISTRATION_LIST` +
 * PreRegPacketStore). The Java client re-encrypts each decrypted zip with its own AES key kept in
 * its encrypted database; here the zip lives inside the encrypted database itself, which is the
 * same protection with one key fewer. A used PRID keeps its row without the zip (`consumed_at`)
 * so it is refused if typed again on this machine.
 */
export const updateToSchemaVersion60: Migration = {
  version: 60,
  name: 'pre-registrations',
  up(db) {
    db.exec(`
      CREATE TABLE pre_registrations (
        prid TEXT PRIMARY KEY,
        centre_id TEXT,
        appointment_date TEXT,
        from_time_slot TEXT,
        to_time_slot TEXT,
        server_updated_at TEXT,
        zip BLOB,
        downloaded_at INTEGER NOT NULL,
        consumed_at INTEGER
      );
      CREATE INDEX pre_registrations_appointment ON pre_registrations (appointment_date);
    `);
  },
};
