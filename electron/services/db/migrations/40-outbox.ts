import type { Migration } from './Migration';

/**
 * The durable outbox: the minimal `outbox` table of migration 20 grows the columns of the packet
 * life after the build (supervisor decision, RID sync, upload, server status, export, retention).
 * One row per packet stays the unit of work; its `state` is the persisted state machine, so a
 * restart after any crash reads back exactly where each packet was.
 */
export const updateToSchemaVersion40: Migration = {
  version: 40,
  name: 'outbox',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN supervisor_status TEXT;
      ALTER TABLE outbox ADD COLUMN reason_code TEXT;
      ALTER TABLE outbox ADD COLUMN supervisor_comment TEXT;
      ALTER TABLE outbox ADD COLUMN decided_by TEXT;
      ALTER TABLE outbox ADD COLUMN decided_at INTEGER;
      ALTER TABLE outbox ADD COLUMN last_error_details TEXT;
      ALTER TABLE outbox ADD COLUMN synced_at INTEGER;
      ALTER TABLE outbox ADD COLUMN uploaded_at INTEGER;
      ALTER TABLE outbox ADD COLUMN exported_at INTEGER;
      ALTER TABLE outbox ADD COLUMN server_status TEXT;
      ALTER TABLE outbox ADD COLUMN server_status_at INTEGER;
      ALTER TABLE outbox ADD COLUMN uin TEXT;
      ALTER TABLE outbox ADD COLUMN file_deleted_at INTEGER;
      CREATE UNIQUE INDEX outbox_packet ON outbox (packet_id);
    `);
  },
};
