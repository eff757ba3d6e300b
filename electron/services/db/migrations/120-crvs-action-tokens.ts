import type { Migration } from './Migration';

/**
 * OpenCRVS v2 confirms an event with the action-confirmation token it sent with that event
 * (opencrvs-core `requireActionConfirmationAuthorization`: the token's `eventId` / `actionId` claims
 * must match the accept call). One row per bridge event, written in the same commit as the event,
 * deleted when the event is confirmed: a bearer credential is kept no longer than it is needed.
 * In the encrypted database, never in a log. Version 120, after 110-list-indexes.
 */
export const updateToSchemaVersion120: Migration = {
  version: 120,
  name: 'crvs-action-tokens',
  up(db) {
    db.exec(`
      CREATE TABLE crvs_action_tokens (
        event_id TEXT PRIMARY KEY REFERENCES crvs_events (event_id),
        opencrvs_event_id TEXT NOT NULL,
        action_id TEXT NOT NULL,
        token TEXT NOT NULL
      ) STRICT;
    `);
  },
};
