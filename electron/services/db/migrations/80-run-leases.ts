import type { Migration } from './Migration';

/**
 * Named leases between processes that open the same database (the app's scheduler and the CLI's
 * `sync --eod`): one row per lease, held by one runner at a time. A holder that died leaves its
 * row behind; the next runner takes it over once the holder's process is gone or the lease expired.
 */
export const updateToSchemaVersion80: Migration = {
  version: 80,
  name: 'run-leases',
  up(db) {
    db.exec(`
      CREATE TABLE run_leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        pid INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
