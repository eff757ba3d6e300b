import { z } from 'zod';
import type { Page, PageRequest } from '../../../../schemas/paging';
import type { OutboxState } from '../../../../schemas/outbox';
import type { DB } from '../Database';
import { FOLD_SQL_FUNCTION, foldText, useFoldFunction } from '../foldText';
import { decodeCursor, pageSize, toPage } from '../pageCursor';
import { joinSql, sql, type Query } from '../sql';
import { hydrate, SELECT, type OutboxJoinRow, type OutboxRecord } from './outbox';

/** The outbox list's filters as the repository reads them (the contract's OutboxFilter, with a state set). */
export interface OutboxWhere {
  readonly states?: readonly OutboxState[];
  readonly process?: string;
  /** created at or after (epoch ms) */
  readonly from?: number;
  /** created before (epoch ms) */
  readonly to?: number;
  /** digits: part of the RID; words: each in one of the resident's names (summary), folded */
  readonly search?: string;
}

const LIST = 'outbox';
const Key = z.tuple([z.number().int(), z.string().min(1).max(200)]);

/** FTS5's trigram tokenizer indexes runs of 3: a shorter search has no trigram to look up. */
const TRIGRAM = 3;

/**
 * Packets whose RID holds `digits`, through the trigram index (migration 120): the digits go in as
 * one quoted phrase (digits only, so nothing in it is FTS syntax). One or two digits match most
 * RIDs anyway, so they are checked row by row.
 */
function ridClause(digits: string): Query {
  if (digits.length < TRIGRAM) return sql`instr(p.rid, ${digits}) > 0`;
  return sql`o.packet_id IN (SELECT packet_id FROM packet_rid_search WHERE packet_rid_search MATCH ${`"${digits}"`})`;
}

function searchClause(db: DB, search: string): Query {
  const digits = search.replace(/\s+/g, '');
  if (/^\d+$/.test(digits)) return ridClause(digits);
  useFoldFunction(db);
  const words = JSON.stringify(foldText(search).split(/\s+/).filter(Boolean));
  // a name (one data language) that holds every word; the function name is our constant, not input
  return [
    `EXISTS (SELECT 1 FROM packet_summaries s, json_each(CASE WHEN json_valid(s.json) THEN json_extract(s.json, '$.residentName') END) n
      WHERE s.packet_id = o.packet_id AND n.type = 'text'
      AND NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE instr(${FOLD_SQL_FUNCTION}(n.value), w.value) = 0))`,
    [words],
  ];
}

/** The WHERE of both the page and its total, only with the filters set, so SQLite can pick the matching index. */
function whereOf(db: DB, w: OutboxWhere): Query[] {
  const parts: Query[] = [];
  if (w.states?.length === 1) parts.push(sql`o.state = ${w.states[0]!}`);
  // unary + keeps SQLite off outbox_state here: walking outbox_created in page order and checking
  // the state from that index stops after one page, where a state index must sort every match first
  else if (w.states) parts.push(sql`+o.state IN (SELECT value FROM json_each(${JSON.stringify(w.states)}))`);
  if (w.process !== undefined) parts.push(sql`p.process = ${w.process}`);
  if (w.from !== undefined) parts.push(sql`o.created_at >= ${w.from}`);
  if (w.to !== undefined) parts.push(sql`o.created_at < ${w.to}`);
  if (w.search !== undefined) parts.push(searchClause(db, w.search));
  return parts;
}

const whereText = (parts: readonly Query[]): Query => (parts.length ? joinSql([['WHERE', []], joinSql(parts, ' AND ')], ' ') : ['', []]);

/** Rows matching `w` on every page: COUNT over the same WHERE as the page. */
export function countOutbox(db: DB, w: OutboxWhere): number {
  const [q, p] = whereText(whereOf(db, w));
  return (db.prepare(`SELECT count(*) AS n FROM outbox o JOIN packets p ON p.packet_id = o.packet_id ${q}`).get(...p) as { n: number }).n;
}

/** The earliest next attempt among items in `states` (a missing time counts as 0: due now), or undefined when there are none. */
export function earliestAttemptAt(db: DB, states: readonly OutboxState[]): number | undefined {
  const [q, p] = sql`SELECT count(*) AS n, min(coalesce(next_attempt_at, 0)) AS t FROM outbox WHERE state IN (SELECT value FROM json_each(${JSON.stringify(states)}))`;
  const row = db.prepare(q).get(...p) as { n: number; t: number | null };
  return row.n === 0 ? undefined : (row.t ?? 0);
}

/**
 * One page of the outbox, oldest first (the order the outbox works in), packet id as the unique
 * tiebreak. Keyset: the next page starts after the last row's (created_at, packet_id), so rows
 * inserted meanwhile neither repeat nor shift a page.
 * @throws AppError ERR_PAGE_CURSOR_INVALID
 */
export function pageOutbox(db: DB, w: OutboxWhere, request: PageRequest = {}): Page<OutboxRecord> {
  const limit = pageSize(request.limit);
  const parts = whereOf(db, w);
  const total = countOutbox(db, w);
  if (request.cursor !== undefined) {
    const [at, id] = decodeCursor(LIST, Key, request.cursor);
    parts.push(sql`(o.created_at, o.packet_id) > (${at}, ${id})`);
  }
  const [q, p] = joinSql([whereText(parts), sql`ORDER BY o.created_at, o.packet_id LIMIT ${limit + 1}`], ' ');
  const rows = db.prepare(`${SELECT} ${q}`).all(...p) as OutboxJoinRow[];
  return toPage(rows, limit, total, LIST, (r) => [r.created_at, r.packet_id], hydrate);
}

/** The query plan of a page (tests check it uses an index). */
export function explainPageOutbox(db: DB, w: OutboxWhere): string[] {
  const [q, p] = joinSql([whereText(whereOf(db, w)), sql`ORDER BY o.created_at, o.packet_id LIMIT 51`], ' ');
  return (db.prepare(`EXPLAIN QUERY PLAN ${SELECT} ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail);
}
