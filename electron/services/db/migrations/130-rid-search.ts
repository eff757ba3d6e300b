import type { Migration } from './Migration';

/**
 * Search by part of a RID (issue 17): operators type any run of its digits (often the last 12, the
 * date and time), so the search is a substring, which no B-tree index serves. `instr(p.rid, …)`
 * read every packet row (the wide `meta` with it) in page order: 284 ms at 10,000 packets for one
 * match. An FTS5 table with the trigram tokenizer indexes every 3-character run of each RID, so a
 * search of 3 digits or more reads only the postings of its trigrams (FTS5 checks that they are
 * consecutive, so a match is a true substring).
 *
 * The table keeps its own copy of the RID and the packet id rather than pointing at the packets'
 * rowids: `packets` has a TEXT primary key, so its rowids are not stable across `VACUUM INTO`
 * (the backup), and a restored database would find the wrong packets. A packet's RID never changes
 * after its row is written; the triggers keep the copy for every writer (the engine, a restore, a
 * test's raw insert) without their knowing of it. Version 130, after 120-crvs-action-tokens.
 */
export const updateToSchemaVersion130: Migration = {
  version: 130,
  name: 'rid-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE packet_rid_search USING fts5 (rid, packet_id UNINDEXED, tokenize = 'trigram');
      INSERT INTO packet_rid_search (rid, packet_id) SELECT rid, packet_id FROM packets;
      CREATE TRIGGER packet_rid_search_insert AFTER INSERT ON packets
      BEGIN
        INSERT INTO packet_rid_search (rid, packet_id) VALUES (NEW.rid, NEW.packet_id);
      END;
      -- packets are not deleted today (retention deletes the file, keeps the row); if one ever is, so is its search entry
      CREATE TRIGGER packet_rid_search_delete AFTER DELETE ON packets
      BEGIN
        DELETE FROM packet_rid_search WHERE packet_id = OLD.packet_id;
      END;
    `);
  },
};
