import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApprovalStore } from '../../../../../../renderer/features/approval/store/store';
import { approvalSelectors } from '../../../../../../renderer/features/approval/store/slices/queue/selectors';
import { seedListRows, type SeededRow } from '../../../../../helpers/seedListRows';
import { testRandom } from '../../../../../helpers/testRandom';
import { openSyncFixture, type SyncFixture } from '../../sync/openSyncFixture';

describe('approval store pages (a queue of hundreds, against the real Router)', () => {
  const random = testRandom('approvalPaging');
  let fixture: SyncFixture;
  let rows: SeededRow[];
  before(async () => {
    fixture = await openSyncFixture();
    rows = seedListRows(fixture.services.data.db, random, 260);
  });
  after(() => fixture.close());
  const waiting = (keep: (r: SeededRow) => boolean = () => true) => rows.filter((r) => (r.state === 'PENDING' || r.state === 'ON_HOLD') && keep(r));

  it('loads one page with the total, then the next pages, keeping the selection across pages', async () => {
    const store = createApprovalStore(fixture.supervisor);
    await store.getState().refresh();
    const s = store.getState();
    assert.deepEqual([s.items.length, s.total, s.nextCursor !== null], [Math.min(50, waiting().length), waiting().length, waiting().length > 50]);
    const picked = s.items[3]!.packetId;
    store.getState().toggleSelected(picked);
    while (store.getState().nextCursor !== null) await store.getState().loadMore();
    const all = store.getState();
    assert.equal(all.items.length, waiting().length);
    assert.equal(new Set(all.items.map((i) => i.packetId)).size, all.items.length, 'no row twice');
    assert.deepEqual(all.selected, [picked]);
    assert.equal(approvalSelectors.isSelected(picked)(all), true);
  });

  it('filters in the back end: the process filter reloads page one with its own total', async () => {
    const store = createApprovalStore(fixture.supervisor);
    await store.getState().setFilter({ process: 'UPDATE', state: 'ON_HOLD' });
    const s = store.getState();
    assert.equal(s.total, waiting((r) => r.process === 'UPDATE' && r.state === 'ON_HOLD').length);
    assert.ok(s.items.every((i) => i.process === 'UPDATE' && i.state === 'ON_HOLD'));
  });

  it('decides all matching without loading them: one password, progress, the queue refreshed to what is left', async () => {
    const store = createApprovalStore(fixture.supervisor);
    const disconnect = store.getState().connect();
    try {
      await store.getState().setFilter({ process: 'NEW', state: 'PENDING' });
      const expected = waiting((r) => r.process === 'NEW' && r.state === 'PENDING').length;
      assert.equal(store.getState().total, expected);
      store.getState().selectAllMatching();
      assert.equal(approvalSelectors.selectedCount(store.getState()), expected, 'the count shown is the total, not the loaded rows');
      store.getState().startDecision('approve');
      assert.deepEqual(store.getState().decision?.matching, { expected });
      await store.getState().confirmDecision('Supervisor#2026');
      const s = store.getState();
      assert.deepEqual([s.bulk?.status, s.bulk?.result?.decided, s.bulk?.progress?.done, s.decision, s.allMatching], ['done', expected, expected, null, false]);
      assert.deepEqual([s.total, s.items.length], [0, 0]);
      await store.getState().setFilter({ process: '', state: 'waiting' });
      assert.equal(store.getState().total, waiting().length - expected, 'the other processes and the held ones still wait');
    } finally {
      disconnect();
    }
  });
});
