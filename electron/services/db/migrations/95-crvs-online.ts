import type { Migration } from './Migration';

/**
 * Online civil-registration delivery (createPacket, then workflowinstance): per CRVS packet the
 * content Packet Manager needs (the local packet is encrypted to the server, so it cannot be read
 * back) and the step reached. `created_at` set and no workflow yet means a retry goes straight to
 * workflowinstance, so a crash between the two calls never creates the packet twice. The payload
 * is cleared once the workflow started. Version 95: a gap after 80 another migration may take.
 */
export const updateToSchemaVersion95: Migration = {
  version: 95,
  name: 'crvs-online',
  up(db) {
    db.exec(`
      CREATE TABLE crvs_online (
        packet_id TEXT PRIMARY KEY REFERENCES packets (packet_id),
        rid TEXT NOT NULL,
        payload TEXT,
        created_at INTEGER,
        workflow_instance_id TEXT,
        workflow_started_at INTEGER
      ) STRICT;
    `);
  },
};
