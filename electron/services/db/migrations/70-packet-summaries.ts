import type { Migration } from './Migration';

/**
 * The supervisor's review summary of each packet built here (MOSIP keeps the acknowledgement next
 * to the packet for the same reason: the packet is encrypted to the server and cannot be read
 * back). One row per packet, inserted in the packet's own commit transaction, deleted with the
 * packet's file under retention. The JSON holds personal data and small thumbnails: it stays in
 * this encrypted database, never beside it.
 */
export const updateToSchemaVersion70: Migration = {
  version: 70,
  name: 'packet-summaries',
  up(db) {
    db.exec(`
      CREATE TABLE packet_summaries (
        packet_id TEXT PRIMARY KEY REFERENCES packets (packet_id),
        rid TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
