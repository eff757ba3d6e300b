import type { Migration } from './Migration';

/**
 * Events the CRVS bridge received from the civil registry, one row each, keyed by OpenCRVS's
 * event id: the primary key is what makes a resent event a duplicate instead of a second identity.
 * `payload` is the parsed webhook body, kept until the event is confirmed (a replay rebuilds from it).
 * Version 100 leaves 90 free for the online delivery path being built beside this one.
 */
export const updateToSchemaVersion100: Migration = {
  version: 100,
  name: 'crvs-events',
  up(db) {
    db.exec(`
      CREATE TABLE crvs_events (
        event_id TEXT PRIMARY KEY,
        tracking_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('BIRTH', 'DEATH', 'CORRECTION', 'BIRTH_REVOKED', 'DEATH_REVOKED')),
        registration_number TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL,
        rid TEXT UNIQUE,
        national_id TEXT,
        deceased INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        received_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        confirmed_at INTEGER
      ) STRICT;
      CREATE INDEX crvs_events_state ON crvs_events (state, next_attempt_at);
    `);
  },
};
