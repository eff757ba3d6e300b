import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import type { AppServices } from '../../../electron/host/createAppServices';
import { encodeCursor } from '../../../electron/services/db/pageCursor';
import { openTestServices } from '../../helpers/openTestDataDir';
import { seedListRows, type SeededRow } from '../../helpers/seedListRows';
import { testRandom } from '../../helpers/testRandom';

type PageOf<T> = { items: T[]; total: number; nextCursor: string | null };

describe('paged lists through the Router (issue 17)', () => {
  const random = testRandom('pagedLists');
  let services: AppServices;
  let close: () => Promise<void>;
  let rows: SeededRow[];
  const events: [string, unknown][] = [];
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: (name, payload) => events.push([name, payload]) }, method, input);
  const value = <T>(reply: Reply): T => {
    assert.ok(reply.ok, JSON.stringify(reply));
    return reply.value as T;
  };
  const failure = (reply: Reply) => {
    assert.ok(!reply.ok, JSON.stringify(reply));
    return reply.error;
  };
  before(async () => {
    ({ services, close } = await openTestServices());
    rows = seedListRows(services.data.db, random, 140);
    value(await call('sup', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));
    value(await call('off', 'auth.login', { userId: 'officer1', password: 'Officer#2026' }));
  });
  after(() => close());

  it('pages packets.list with a total and a cursor, every row once in creation order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PageOf<{ rid: string }> = value(await call('off', 'packets.list', { states: ['PENDING', 'ON_HOLD'], limit: 25, ...(cursor ? { cursor } : {}) }));
      assert.equal(page.total, rows.filter((r) => r.state === 'PENDING' || r.state === 'ON_HOLD').length);
      seen.push(...page.items.map((i) => i.rid));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = rows.filter((r) => r.state === 'PENDING' || r.state === 'ON_HOLD').sort((a, b) => a.createdAt - b.createdAt || (a.packetId < b.packetId ? -1 : 1));
    assert.deepEqual(seen, expected.map((r) => r.rid));
  });

  it('refuses page sizes out of bounds and malformed cursors as invalid input naming the field', async () => {
    for (const [input, path] of [[{ limit: 0 }, 'limit'], [{ limit: 501 }, 'limit'], [{ limit: 2.5 }, 'limit'], [{ cursor: 'a b' }, 'cursor'], [{ cursor: '' }, 'cursor']] as const) {
      const error = failure(await call('off', 'packets.list', input));
      assert.equal(error.code, 'ERR_IPC_INVALID_INPUT');
      assert.deepEqual([...new Set((error.details as { issues: { path: string }[] }).issues.map((i) => i.path))], [path], JSON.stringify(input));
    }
  });

  it('refuses a well-formed but forged cursor, and one from another list, with ERR_PAGE_CURSOR_INVALID', async () => {
    for (const [method, cursor, list] of [
      ['packets.list', encodeCursor('outbox', ['x', 1]), 'outbox'],
      ['packets.list', encodeCursor('audit', [5]), 'outbox'],
      ['audit.recent', encodeCursor('outbox', [1, 'x']), 'audit'],
      ['drafts.list', encodeCursor('drafts', [1]), 'drafts'],
    ] as const) {
      const error = failure(await call(method === 'drafts.list' ? 'off' : 'sup', method, { cursor }));
      assert.deepEqual([error.code, error.details], ['ERR_PAGE_CURSOR_INVALID', { field: 'cursor', list }], method);
    }
  });

  it('pages audit.recent newest first without repeats', async () => {
    const first: PageOf<{ seq: number }> = value(await call('sup', 'audit.recent', { limit: 3 }));
    const second: PageOf<{ seq: number }> = value(await call('sup', 'audit.recent', { limit: 3, cursor: first.nextCursor }));
    const seqs = [...first.items, ...second.items].map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
    assert.equal(new Set(seqs).size, 6);
    assert.ok(first.total >= 6 && second.total >= first.total);
  });

  it('counts Home the same as the lists: outbox.list by group, total only', async () => {
    const page: PageOf<unknown> = value(await call('off', 'outbox.list', { group: 'parked', limit: 1 }));
    assert.deepEqual([page.items.length, page.total], [Math.min(1, rows.filter((r) => r.state === 'PARKED').length), rows.filter((r) => r.state === 'PARKED').length]);
    assert.equal(failure(await call('off', 'outbox.list', {})).code, 'ERR_IPC_INVALID_INPUT');
  });

  it('approves all matching through packets.decideMatching: one password, progress to the caller, supervisors only', async () => {
    const filter = { states: ['PENDING'], process: 'UPDATE' };
    const expected = rows.filter((r) => r.state === 'PENDING' && r.process === 'UPDATE').length;
    const input = { action: 'approve', filter, expected, password: 'Supervisor#2026' };
    assert.equal(failure(await call('off', 'packets.decideMatching', { ...input, password: 'Officer#2026' })).code, 'ERR_AUTH_FORBIDDEN');
    assert.equal(failure(await call('sup', 'packets.decideMatching', { ...input, password: 'wrong' })).code, 'ERR_AUTH_WRONG_PASSWORD');
    assert.equal(failure(await call('sup', 'packets.decideMatching', { ...input, filter: { states: ['READY'] } })).code, 'ERR_IPC_INVALID_INPUT', 'only waiting states');
    events.length = 0;
    const result = value<{ decided: number; cancelled: boolean }>(await call('sup', 'packets.decideMatching', input));
    assert.deepEqual([result.decided, result.cancelled], [expected, false]);
    const progress = events.filter(([name]) => name === 'packets.onDidDecideProgress').map(([, p]) => p);
    assert.deepEqual(progress.at(-1), { done: expected, total: expected });
    assert.equal(value<PageOf<unknown>>(await call('sup', 'packets.list', { ...filter, limit: 1 })).total, 0);
    assert.equal(failure(await call('sup', 'packets.decideMatching', input)).code, 'ERR_SYNC_MATCHING_CHANGED', 'the count moved: nothing to confirm');
  });
});
