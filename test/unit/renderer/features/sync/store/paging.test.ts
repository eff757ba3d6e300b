import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSyncStore } from '../../../../../../renderer/features/sync/store/store';
import { seedListRows, type SeededRow } from '../../../../../helpers/seedListRows';
import { testRandom } from '../../../../../helpers/testRandom';
import { openSyncFixture, type SyncFixture } from '../openSyncFixture';

describe('sync store pages its outbox lists (against the real Router)', () => {
  const random = testRandom('syncPaging');
  let fixture: SyncFixture;
  let rows: SeededRow[];
  before(async () => {
    fixture = await openSyncFixture();
    rows = seedListRows(fixture.services.data.db, random, 400);
  });
  after(() => fixture.close());

  it('shows the first page of each list with its total, loads the rest on request, and counts an event', async () => {
    const store = createSyncStore(fixture.officer);
    const disconnect = store.getState().connect();
    try {
      await store.getState().refresh();
      const parked = rows.filter((r) => r.state === 'PARKED').length;
      const inFlight = rows.filter((r) => r.state === 'READY').length;
      assert.ok(parked > 50, `the seed gives more than one page of parked packets (${parked}); replay another TEST_SEED`);
      let s = store.getState();
      assert.deepEqual([s.parked.length, s.pages.parked.total, s.pages.parked.nextCursor !== null], [Math.min(50, parked), parked, parked > 50]);
      assert.deepEqual([s.inFlight.length, s.pages.inFlight.total], [Math.min(50, inFlight), inFlight]);
      while (store.getState().pages.parked.nextCursor !== null) await store.getState().loadMore('parked');
      s = store.getState();
      assert.equal(s.parked.length, parked);
      assert.equal(new Set(s.parked.map((i) => i.packetId)).size, parked);
      // a parked packet sent again leaves the parked list: its total follows
      const item = { ...s.parked[0]!, state: 'READY' as const };
      const moved = new Promise<void>((resolve) => {
        const off = store.subscribe((next) => next.pages.parked.total === parked - 1 && (off(), resolve()));
      });
      fixture.services.hub.broadcast('outbox.onDidChange', item);
      await moved;
      assert.equal(store.getState().pages.inFlight.total, inFlight + 1);
    } finally {
      disconnect();
    }
  });
});
