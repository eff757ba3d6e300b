import type { Migration } from './Migration';

/**
 * Packet engine tables: the RID sequence per centre/machine, the packets the machine built, and
 * a minimal outbox the sync engine extends later. A packet row exists only once its file is
 * durable (written, fsynced, linked into place), and it is inserted with its outbox job in one transaction.
 */
export const updateToSchemaVersion20: Migration = {
  version: 20,
  name: 'packets',
  up(db) {
    db.exec(`
      CREATE TABLE rid_sequence (
        centre_id TEXT NOT NULL,
        machine_id TEXT NOT NULL,
        current INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (centre_id, machine_id)
      ) STRICT;

      CREATE TABLE packets (
        packet_id TEXT PRIMARY KEY,
        rid TEXT NOT NULL UNIQUE,
        process TEXT NOT NULL,
        centre_id TEXT NOT NULL,
        machine_id TEXT NOT NULL,
        file_name TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        meta TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        packet_id TEXT NOT NULL REFERENCES packets (packet_id),
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_state ON outbox (state, next_attempt_at);
    `);
  },
};
