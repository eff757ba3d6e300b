import type { DB } from '../Database';
import { FOLD_SQL_FUNCTION, foldText, useFoldFunction } from '../foldText';
import { joinSql, sql, type Query } from '../sql';

/**
 * The searchable names of the summaries, as `SELECT name, packet_id FROM packet_summaries s …`:
 * each text value of the summary's `residentName` (one per data language), folded. The same
 * extraction the scan searched before migration 150, so the index holds exactly what it matched.
 * The function name is our constant, not input.
 */
export const NAME_SEARCH_ROWS = `SELECT ${FOLD_SQL_FUNCTION}(n.value), s.packet_id
  FROM packet_summaries s, json_each(CASE WHEN json_valid(s.json) THEN json_extract(s.json, '$.residentName') END) n
  WHERE n.type = 'text'`;

/** Indexes the names of one summary just inserted; call in the transaction that inserted it. */
export function indexPacketNames(db: DB, packetId: string): void {
  useFoldFunction(db);
  db.prepare(`INSERT INTO packet_names (name, packet_id) ${NAME_SEARCH_ROWS} AND s.packet_id = ?`).run(packetId);
}

/** FTS5's trigram tokenizer indexes runs of 3 characters: a shorter word has no trigram to look up. */
const TRIGRAM = 3;

/**
 * Packets with one name (one data language) holding every word of `search`, folded (accents and
 * case). Words of 3 characters or more go through the trigram index as quoted phrases (a `"` in
 * a word doubled, so nothing typed is FTS syntax); shorter ones are checked with `instr` on the
 * index's folded copy of the rows found, or of every row when no word is long enough. No words:
 * every packet that has a name, as the scan matched.
 */
export function nameClause(search: string): Query {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  const short = words.filter((w) => [...w].length < TRIGRAM);
  const parts: Query[] = [];
  if (long.length) parts.push(sql`packet_name_search MATCH ${long.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ')}`);
  for (const w of short) parts.push(sql`instr(name, ${w}) > 0`);
  const [where, params] = joinSql(parts, ' AND ');
  return [`o.packet_id IN (SELECT packet_id FROM packet_name_search${where ? ` WHERE ${where}` : ''})`, params];
}
