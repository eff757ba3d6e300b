import type { Migration } from './Migration';

/**
 * Paged lists (issue 17). Version 110, after 95-crvs-online and 100-crvs-events: a database
 * already at 95 would skip a lower number. Every list is read a page at a time in a keyset order,
 * so each needs an index that both filters and orders, or SQLite sorts the whole table for every page.
 *
 * The outbox lists filter by `outbox.state` and order by the packet's creation time, which lives
 * on `packets`: no single index can serve a filter on one table and an order on another, so the
 * outbox keeps a copy of `created_at`. A packet's creation time never changes after its row is
 * written, so the copy cannot drift; a trigger fills it from the packet row, so every writer
 * (today's insertOutboxJob, a restore, a test's raw insert) keeps it without knowing of it.
 */
export const updateToSchemaVersion110: Migration = {
  version: 110,
  name: 'list-indexes',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
      UPDATE outbox SET created_at = (SELECT p.created_at FROM packets p WHERE p.packet_id = outbox.packet_id);
      CREATE TRIGGER outbox_created_at AFTER INSERT ON outbox
      BEGIN
        UPDATE outbox SET created_at = (SELECT p.created_at FROM packets p WHERE p.packet_id = NEW.packet_id) WHERE id = NEW.id;
      END;
      -- the approval queue and the sync screen: one state (or a few), oldest first
      CREATE INDEX outbox_state_created ON outbox (state, created_at, packet_id);
      -- the unfiltered list, the date range, and a set of states (read in this order, state checked
      -- from the index, so a page stops after its rows instead of sorting every match)
      CREATE INDEX outbox_created ON outbox (created_at, packet_id, state);
      -- an operator's drafts, newest first, draft id as the tiebreak
      DROP INDEX drafts_operator;
      CREATE INDEX drafts_operator ON drafts (operator_id, saved_at, draft_id);
    `);
  },
};
