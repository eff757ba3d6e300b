import { z } from 'zod';
import type { Page, PageRequest } from '../../../../schemas/paging';
import type { OutboxState } from '../../../../schemas/outbox';
import type { DB } from '../Database';
import { decodeCursor, pageSize, toPage } from '../pageCursor';
import { joinSql, sql, type Query } from '../sql';
import { nameClause } from './packetNameSearch';
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
 * Packets whose RID holds `digits`, through the trigram index (migration 130): the digits go in as
 * one quoted phrase (digits only, so nothing in it is FTS syntax). One or two digits match most
 * RIDs anyway, so they are checked row by row.
 */
function ridClause(digits: string): Query {
  // the index's own copy of each RID, so a count needs no join to read it
  if (digits.length < TRIGRAM) return sql`o.packet_id IN (SELECT packet_id FROM packet_rid_search WHERE instr(rid, ${digits}) > 0)`;
  return sql`o.packet_id IN (SELECT packet_id FROM packet_rid_search WHERE packet_rid_search MATCH ${`"${digits}"`})`;
}

function searchClause(search: string): Query {
  const digits = search.replace(/\s+/g, '');
  return /^\d+$/.test(digits) ? ridClause(digits) : nameClause(search);
}

/**
 * The WHERE of both the page and its total, only with the filters set, so SQLite can pick the
 * matching index. `ordered`: for a page's keys, read in page order.
 */
function whereOf(w: OutboxWhere, ordered: boolean): Query[] {
  const parts: Query[] = [];
  const states = JSON.stringify(w.states);
  if (w.states?.length === 1) parts.push(sql`o.state = ${w.states[0]!}`);
  // DONE is the site's whole history: a page of a set with DONE walks outbox_created in page order
  // (unary + keeps SQLite off the state index) and stops after a page. A set without it is the
  // backlog: its ranges of outbox_state_created are read and only their keys sorted, where the walk
  // would pass the whole history to reach the recent rows. A count has no order: always the ranges.
  else if (w.states) parts.push(ordered && w.states.includes('DONE') ? sql`+o.state IN (SELECT value FROM json_each(${states}))` : sql`o.state IN (SELECT value FROM json_each(${states}))`);
  if (w.process !== undefined) parts.push(sql`p.process = ${w.process}`);
  if (w.from !== undefined) parts.push(sql`o.created_at >= ${w.from}`);
  if (w.to !== undefined) parts.push(sql`o.created_at < ${w.to}`);
  if (w.search !== undefined) parts.push(searchClause(w.search));
  return parts;
}

const whereText = (parts: readonly Query[]): Query => (parts.length ? joinSql([['WHERE', []], joinSql(parts, ' AND ')], ' ') : ['', []]);

/** Every outbox row has its packet (a foreign key): join only for a filter on the packet. */
const fromOf = (w: OutboxWhere): string => (w.process === undefined ? 'outbox o' : 'outbox o JOIN packets p ON p.packet_id = o.packet_id');

/** Rows matching `w` on every page: COUNT over the same WHERE as the page. */
export function countOutbox(db: DB, w: OutboxWhere): number {
  const [q, p] = whereText(whereOf(w, false));
  return (db.prepare(`SELECT count(*) AS n FROM ${fromOf(w)} ${q}`).get(...p) as { n: number }).n;
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
  const total = countOutbox(db, w);
  const cursor = request.cursor === undefined ? undefined : decodeCursor(LIST, Key, request.cursor);
  const [q, p] = pageQuery(w, limit, cursor);
  const rows = db.prepare(q).all(...p) as OutboxJoinRow[];
  return toPage(rows, limit, total, LIST, (r) => [r.created_at, r.packet_id], hydrate);
}

/**
 * The page's keys first, from the indexes alone, then the full rows of those keys only: a packet
 * row is wide (its meta), so a plan that sorts matches must sort keys, never joined rows.
 */
function pageQuery(w: OutboxWhere, limit: number, cursor?: readonly [number, string]): Query {
  const parts = whereOf(w, true);
  if (cursor) parts.push(sql`(o.created_at, o.packet_id) > (${cursor[0]}, ${cursor[1]})`);
  const [where, params] = whereText(parts);
  return [
    `${SELECT} WHERE o.packet_id IN (SELECT o.packet_id FROM ${fromOf(w)} ${where} ORDER BY o.created_at, o.packet_id LIMIT ?) ORDER BY o.created_at, o.packet_id`,
    [...params, limit + 1],
  ];
}

/** The query plan of a page (tests check it uses an index). */
export function explainPageOutbox(db: DB, w: OutboxWhere): string[] {
  const [q, p] = pageQuery(w, 50);
  return (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail);
}
