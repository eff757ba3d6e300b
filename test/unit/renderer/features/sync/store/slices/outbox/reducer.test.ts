import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyOutboxChange, outboxItemsReducer } from '../../../../../../../../renderer/features/sync/store/slices/outbox/reducer';
import { outboxItem } from '../../../itemBuilder';

describe('outboxItemsReducer', () => {
  const p1 = outboxItem({ packetId: 'p1', createdAt: 1 });
  const p2 = outboxItem({ packetId: 'p2', createdAt: 2 });
  const p3 = outboxItem({ packetId: 'p3', createdAt: 3 });

  it('replaces every item, in creation order then packet id', () => {
    const twin = outboxItem({ packetId: 'p0', createdAt: 2 });
    assert.deepEqual(outboxItemsReducer([p1], { type: 'replaceAll', items: [p3, p2, twin] }), [twin, p2, p3]);
  });

  it('replaces one item in place by packet id', () => {
    const changed = { ...p2, state: 'READY' as const, createdAt: 99 };
    assert.deepEqual(outboxItemsReducer([p1, p2, p3], { type: 'upsert', item: changed }), [p1, changed, p3]);
  });

  it('adds an unknown item in creation order', () => {
    assert.deepEqual(outboxItemsReducer([p1, p3], { type: 'upsert', item: p2 }), [p1, p2, p3]);
  });

  it('removes by packet id, and returns the same list when absent', () => {
    const items = [p1, p2];
    assert.deepEqual(outboxItemsReducer(items, { type: 'remove', packetId: 'p1' }), [p2]);
    assert.equal(outboxItemsReducer(items, { type: 'remove', packetId: 'nope' }), items);
  });
});

describe('applyOutboxChange', () => {
  const ready = outboxItem({ packetId: 'p1', state: 'READY', createdAt: 1 });
  const other = outboxItem({ packetId: 'p2', state: 'UPLOADING', createdAt: 5 });

  it('moves a parked item from in flight to parked', () => {
    const parked = { ...ready, state: 'PARKED' as const, lastErrorCode: 'ERR_SYNC_REJECTED' as const };
    assert.deepEqual(applyOutboxChange({ inFlight: [ready, other], parked: [] }, parked), { inFlight: [other], parked: [parked] });
  });

  it('moves a requeued item back in flight', () => {
    const parked = { ...ready, state: 'PARKED' as const };
    assert.deepEqual(applyOutboxChange({ inFlight: [other], parked: [parked] }, ready), { inFlight: [ready, other], parked: [] });
  });

  it('drops a finished item from both lists', () => {
    assert.deepEqual(applyOutboxChange({ inFlight: [ready, other], parked: [] }, { ...ready, state: 'DONE' }), { inFlight: [other], parked: [] });
  });
});
