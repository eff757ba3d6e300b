import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../../../../schemas/errors';
import type { OutboxState } from '../../../../../../schemas/outbox';
import type { DB } from '../../../../../../electron/services/db/Database';
import { encodeCursor } from '../../../../../../electron/services/db/pageCursor';
import { countOutbox, earliestAttemptAt, explainPageOutbox, pageOutbox, type OutboxWhere } from '../../../../../../electron/services/db/repos/outboxPage';
import { byKey, openListDb, seedListRows, type SeededRow } from '../../../../../helpers/seedListRows';
import { testRandom } from '../../../../../helpers/testRandom';

/** Every page of `w`, `limit` rows at a time, checking each page's total as it goes. */
function walk(db: DB, w: OutboxWhere, limit: number): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  const expectedTotal = countOutbox(db, w);
  for (let guard = 0; guard < 1000; guard++) {
    const page = pageOutbox(db, w, { limit, ...(cursor ? { cursor } : {}) });
    assert.equal(page.total, expectedTotal);
    assert.ok(page.items.length <= limit);
    ids.push(...page.items.map((i) => i.packetId));
    if (page.nextCursor === null) return ids;
    assert.equal(page.items.length, limit, 'only the last page is short');
    cursor = page.nextCursor;
  }
  throw new Error('walk: no last page');
}

const isInvalidCursor = (err: unknown) => err instanceof AppError && err.code === 'ERR_PAGE_CURSOR_INVALID' && (err.details as { field: string }).field === 'cursor';

describe('pageOutbox (keyset pages of the outbox)', () => {
  const random = testRandom('outboxPage');
  let db: DB;
  let close: () => void;
  let rows: SeededRow[];
  before(() => {
    ({ db, close } = openListDb());
    rows = seedListRows(db, random, 230);
  });
  after(() => close());

  const oracle = (keep: (r: SeededRow) => boolean) => rows.filter(keep).sort(byKey).map((r) => r.packetId);

  it('walks every row once, oldest first with the packet id as tiebreak, at any page size', () => {
    for (const limit of [1, 7, 50, 229, 230, 500]) assert.deepEqual(walk(db, {}, limit), oracle(() => true), `limit ${limit}`);
  });

  it('counts and pages with each filter as the oracle does', () => {
    const from = rows[0]!.createdAt;
    const cases: [OutboxWhere, (r: SeededRow) => boolean][] = [
      [{ states: ['PENDING'] }, (r) => r.state === 'PENDING'],
      [{ states: ['PENDING', 'ON_HOLD'] }, (r) => r.state === 'PENDING' || r.state === 'ON_HOLD'],
      [{ states: ['PENDING'], process: 'UPDATE' }, (r) => r.state === 'PENDING' && r.process === 'UPDATE'],
      [{ from, to: from + 5 * 60_000 }, (r) => r.createdAt >= from && r.createdAt < from + 5 * 60_000],
      [{ search: 'conceicao ANA' }, (r) => r.name === 'Ana Conceição'],
      [{ search: 'graca', states: ['READY'] }, (r) => r.name === 'Inês da Graça' && r.state === 'READY'],
      [{ search: '00 01' }, (r) => r.rid.includes('0001')],
      [{ search: 'Neves Trovoada' }, () => false],
      // a RID's digits: short ones (below a trigram) row by row, longer ones through the trigram index, anywhere in the RID
      [{ search: '7' }, (r) => r.rid.includes('7')],
      [{ search: '01 2' }, (r) => r.rid.includes('012')],
      [{ search: rows[17]!.rid }, (r) => r.rid === rows[17]!.rid],
      [{ search: rows[42]!.rid.slice(8, 20) }, (r) => r.rid.includes(rows[42]!.rid.slice(8, 20))],
      [{ search: '0022 9', states: ['PENDING'] }, (r) => r.rid.includes('00229') && r.state === 'PENDING'],
      [{ search: '99999999' }, () => false],
    ];
    for (const [w, keep] of cases) {
      const expected = oracle(keep);
      assert.equal(countOutbox(db, w), expected.length, JSON.stringify(w));
      assert.deepEqual(walk(db, w, 9), expected, JSON.stringify(w));
    }
  });

  it('continues after the cursor when rows are inserted before and after it meanwhile', () => {
    const { db: own, close: closeOwn } = openListDb();
    try {
      const first = seedListRows(own, random, 40);
      const page1 = pageOutbox(own, {}, { limit: 10 });
      const last = page1.items.at(-1)!;
      // one row older than the cursor (it belongs to page 1's range, so never shows up later) and newer ones
      const added = seedListRows(own, random, 30, 1_760_000_000_000, 40);
      const rest: string[] = [];
      let cursor = page1.nextCursor;
      while (cursor) {
        const page = pageOutbox(own, {}, { limit: 10, cursor });
        assert.equal(page.total, 70);
        rest.push(...page.items.map((i) => i.packetId));
        cursor = page.nextCursor;
      }
      const all = [...first, ...added].sort(byKey);
      const after = all.filter((r) => byKey(r, { ...r, createdAt: last.createdAt, packetId: last.packetId }) > 0).map((r) => r.packetId);
      assert.deepEqual(rest, after, 'the next pages hold exactly the rows after the cursor, none repeated');
      assert.deepEqual(new Set([...page1.items.map((i) => i.packetId), ...rest]).size, page1.items.length + rest.length);
    } finally {
      closeOwn();
    }
  });

  it('refuses a malformed, foreign or forged cursor with ERR_PAGE_CURSOR_INVALID naming the field', () => {
    const forged = [
      'not-base64-json',
      Buffer.from('{"l":"outbox"}').toString('base64url'),
      encodeCursor('audit', [5, 'x']),
      encodeCursor('outbox', ['5', 'x']),
      encodeCursor('outbox', [5]),
      encodeCursor('outbox', [5, 'x', 'extra']),
      Buffer.from(JSON.stringify({ l: 'outbox', k: [5, 'x'], extra: 1 })).toString('base64url'),
    ];
    for (const cursor of forged) assert.throws(() => pageOutbox(db, {}, { cursor }), isInvalidCursor, cursor);
  });

  it('finds the earliest next attempt among states without loading them, undefined when none', () => {
    // a new job is due at its packet's creation (insertOutboxJob's now)
    const ready = rows.filter((r) => r.state === 'READY' || r.state === 'PARKED').map((r) => r.createdAt);
    assert.equal(earliestAttemptAt(db, ['READY', 'PARKED']), ready.length ? Math.min(...ready) : undefined);
    assert.equal(earliestAttemptAt(db, ['UPLOADED']), undefined);
  });

  it('bounds the page size to 1..500 and defaults to 50', () => {
    assert.equal(pageOutbox(db, {}).items.length, 50);
    for (const limit of [0, 501, 2.5]) assert.throws(() => pageOutbox(db, {}, { limit }), TypeError, String(limit));
  });

  it('reads a page\'s keys from an index, never a scan of the table, and sorts only keys, never joined rows', () => {
    const sorts = (plan: string) => plan.split('USE TEMP B-TREE FOR ORDER BY').length - 1;
    // [where, the keys are read in page order (no sort of their own)]
    const wheres: [OutboxWhere, boolean][] = [
      [{}, true],
      [{ states: ['PENDING'] }, true],
      [{ states: ['PARKED'], from: 1, to: 2 }, true],
      [{ from: 1 }, true],
      // with the history (DONE): walk in page order and stop after a page
      [{ states: ['DONE', 'PENDING'] }, true],
      // the backlog's states: their index ranges, keys sorted, not a walk through the history
      [{ states: ['PENDING', 'ON_HOLD'] }, false],
      [{ states: ['READY', 'SYNCED', 'UPLOADING'] }, false],
    ];
    for (const [w, inOrder] of wheres) {
      const plan = explainPageOutbox(db, w).join(' | ');
      const label = `${JSON.stringify(w)}: ${plan}`;
      assert.match(plan, /(SEARCH|SCAN) o USING COVERING INDEX outbox_(state_)?created/, label);
      if (!inOrder) assert.match(plan, /SEARCH o USING COVERING INDEX outbox_state_created \(state=\?\)/, label);
      // full rows only for the page's keys, by packet id
      assert.match(plan, /SEARCH o USING INDEX outbox_packet \(packet_id=\?\)/, label);
      assert.doesNotMatch(plan, /SCAN o( |$)(?!USING)|SCAN p( |$)/, label);
      // one sort of the page's ≤ 51 joined rows, plus one of the keys where they are not read in order
      assert.equal(sorts(plan), inOrder ? 1 : 2, label);
    }
  });

  it('finds a RID by its digits through the trigram index, reading only the matching packets', () => {
    for (const w of [{ search: rows[3]!.rid.slice(-12) }, { search: '00229', states: ['PENDING'] as OutboxState[] }]) {
      const plan = explainPageOutbox(db, w).join(' | ');
      assert.match(plan, /SCAN packet_rid_search VIRTUAL TABLE INDEX \d+:M/, `${JSON.stringify(w)}: ${plan}`);
      // the packets and the outbox are looked up by packet id, never walked
      assert.doesNotMatch(plan, /SCAN (p|o)( |$)/, `${JSON.stringify(w)}: ${plan}`);
    }
  });

  it('finds a name through the trigram index of folded names (migration 150), never reading the summaries', () => {
    const wheres: [OutboxWhere, boolean][] = [
      [{ search: 'Conceição ana' }, true],
      [{ search: 'graca', states: ['READY'] }, true],
      // a word of 1–2 characters has no trigram: checked on the index's folded copy of the rows the long word found
      [{ search: 'ze ramos' }, true],
      // only short words: a scan of the folded copy, still not of the summaries' JSON
      [{ search: 'da' }, false],
    ];
    for (const [w, indexed] of wheres) {
      const plan = explainPageOutbox(db, w).join(' | ');
      const label = `${JSON.stringify(w)}: ${plan}`;
      assert.match(plan, indexed ? /SCAN packet_name_search VIRTUAL TABLE INDEX \d+:M/ : /SCAN packet_name_search VIRTUAL TABLE INDEX 0:( \||$)/, label);
      assert.doesNotMatch(plan, /packet_summaries|SCAN s( |$)|SCAN (p|o)( |$)/, label);
    }
  });
});
