import { useFoldFunction } from '../foldText';
import { NAME_SEARCH_ROWS } from '../repos/packetNameSearch';
import type { Migration } from './Migration';

/**
 * Search by name (issue 17) through an index: the name search read every summary, parsed its JSON
 * and folded each name through a JavaScript function (32 ms idle at 10,000 packets, 23× the 100
 * figure). An FTS5 trigram table holds each name already folded, one row per name (one data
 * language), so a word of 3 characters or more reads only its trigrams' postings, and "every word
 * in one name" stays one row's match.
 *
 * `case_sensitive 1`: the text is folded by our own function on the way in and the words on the
 * way out, so FTS5 must not fold again: a true substring of the folded text, as `instr` was.
 *
 * The names live in `packet_names` (an INTEGER PRIMARY KEY, which `VACUUM INTO` keeps, and an
 * index on the packet id) and the FTS5 table indexes them as external content: retention deletes
 * a summary by packet id through that index, where a packet id UNINDEXED in the FTS table would
 * be a scan of every name per deletion (5.7 ms each at 10,000 packets).
 *
 * The rows are written by the repository that inserts a summary (the fold is JavaScript, which a
 * trigger could only call on a connection that registered it); triggers remove them with their
 * summary and keep the FTS index in step, which needs no fold. Version 150, after 140-count-indexes.
 */
export const updateToSchemaVersion150: Migration = {
  version: 150,
  name: 'name-search',
  up(db) {
    useFoldFunction(db);
    db.exec(`
      CREATE TABLE packet_names (
        id INTEGER PRIMARY KEY,
        packet_id TEXT NOT NULL,
        name TEXT NOT NULL
      ) STRICT;
      CREATE INDEX packet_names_packet ON packet_names (packet_id);
      CREATE VIRTUAL TABLE packet_name_search USING fts5 (name, packet_id UNINDEXED, content = 'packet_names', content_rowid = 'id', tokenize = 'trigram case_sensitive 1');
      CREATE TRIGGER packet_names_insert AFTER INSERT ON packet_names
      BEGIN
        INSERT INTO packet_name_search (rowid, name, packet_id) VALUES (NEW.id, NEW.name, NEW.packet_id);
      END;
      CREATE TRIGGER packet_names_delete AFTER DELETE ON packet_names
      BEGIN
        INSERT INTO packet_name_search (packet_name_search, rowid, name, packet_id) VALUES ('delete', OLD.id, OLD.name, OLD.packet_id);
      END;
      INSERT INTO packet_names (name, packet_id) ${NAME_SEARCH_ROWS};
      -- retention deletes a summary with its packet's file: its names go with it, whoever deletes it
      CREATE TRIGGER packet_names_summary_delete AFTER DELETE ON packet_summaries
      BEGIN
        DELETE FROM packet_names WHERE packet_id = OLD.packet_id;
      END;
    `);
  },
};
