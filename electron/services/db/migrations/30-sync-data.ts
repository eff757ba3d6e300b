import type { Migration } from './Migration';

/**
 * Data synced down from MOSIP: master data rows by entity, configuration properties, pinned
 * certificates (KERNEL/SIGN, REGISTRATION), CA certificates for device trust, ID schemas, and
 * the per-job sync watermark (`lastUpdated`, as REG.SYNC_CONTROL in the Java client).
 */
export const updateToSchemaVersion30: Migration = {
  version: 30,
  name: 'sync-data',
  up(db) {
    db.exec(`
      CREATE TABLE sync_master_data (
        entity TEXT NOT NULL,
        row_key TEXT NOT NULL,
        lang_code TEXT NOT NULL DEFAULT '',
        is_active INTEGER NOT NULL DEFAULT 1,
        data TEXT NOT NULL,
        synced_at INTEGER NOT NULL,
        PRIMARY KEY (entity, row_key, lang_code)
      ) STRICT;

      CREATE TABLE sync_control (
        job TEXT PRIMARY KEY,
        server_time TEXT,
        last_success_at INTEGER,
        last_attempt_at INTEGER NOT NULL,
        last_error_code TEXT
      ) STRICT;

      CREATE TABLE sync_config (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        synced_at INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
      ) STRICT;

      CREATE TABLE sync_certificates (
        app_id TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        pem TEXT NOT NULL,
        thumbprint TEXT NOT NULL,
        synced_at INTEGER NOT NULL,
        PRIMARY KEY (app_id, ref_id)
      ) STRICT;

      CREATE TABLE ca_certificates (
        cert_id TEXT PRIMARY KEY,
        partner_domain TEXT,
        pem TEXT NOT NULL,
        thumbprint TEXT NOT NULL,
        not_after TEXT,
        synced_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE id_schemas (
        id_version REAL PRIMARY KEY,
        schema_json TEXT NOT NULL,
        response_json TEXT NOT NULL,
        effective_from TEXT,
        synced_at INTEGER NOT NULL
      ) STRICT;

      -- Which operators came from user-details sync: only these are deactivated when the server
      -- stops listing them; operators created locally (first-run setup, demo) are left alone.
      CREATE TABLE operator_sync (
        user_id TEXT PRIMARY KEY,
        reg_center_id TEXT,
        synced_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
