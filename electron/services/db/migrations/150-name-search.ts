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
 * The rows are written by the repository that inserts a summary (the fold is JavaScript, which a
 * trigger could only call on a connection that registered it); a trigger removes them with their
 * summary, which needs no fold. Version 150, after 140-count-indexes.
 */
export const updateToSchemaVersion150: Migration = {
  version: 150,
  name: 'name-search',
  up(db) {
    useFoldFunction(db);
    db.exec(`
      CREATE VIRTUAL TABLE packet_name_search USING fts5 (name, packet_id UNINDEXED, tokenize = 'trigram case_sensitive 1');
      INSERT INTO packet_name_search (name, packet_id) ${NAME_SEARCH_ROWS};
      -- retention deletes a summary with its packet's file: its names go with it, whoever deletes it
      CREATE TRIGGER packet_name_search_delete AFTER DELETE ON packet_summaries
      BEGIN
        DELETE FROM packet_name_search WHERE packet_id = OLD.packet_id;
      END;
    `);
  },
};
