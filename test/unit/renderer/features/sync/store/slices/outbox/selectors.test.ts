import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OfflineLimitStatus } from '../../../../../../../../schemas/outbox';
import { initialSyncState, type SyncState } from '../../../../../../../../renderer/features/sync/store/initialState';
import { syncSelectors } from '../../../../../../../../renderer/features/sync/store/slices/outbox/selectors';
import { outboxItem } from '../../../itemBuilder';

const limit = (name: OfflineLimitStatus['limit'], state: OfflineLimitStatus['state']): OfflineLimitStatus => ({ limit: name, value: 1, threshold: 2, state, code: 'ERR_SYNC_LIMIT_UNSYNCED', details: {} });

describe('syncSelectors', () => {
  const base = initialSyncState();

  it('lists the limits near or hit, hit first', () => {
    const state: SyncState = { ...base, syncStatus: { jobs: [], parked: 0, nextAttemptAt: null, limits: [limit('pendingApprovals', 'near'), limit('unsyncedPackets', 'ok'), limit('freeDiskMb', 'hit')] } };
    assert.deepEqual(syncSelectors.limitsNeedingAttention(state).map((l) => [l.limit, l.state]), [['freeDiskMb', 'hit'], ['pendingApprovals', 'near']]);
    assert.deepEqual(syncSelectors.limitsNeedingAttention(base), []);
  });

  it('counts only packets still to send as waiting', () => {
    const state: SyncState = { ...base, inFlight: ['READY', 'SYNCED', 'UPLOADING', 'UPLOADED', 'EXPORTED'].map((s, n) => outboxItem({ packetId: `p${n}`, state: s as 'READY' })) };
    assert.equal(syncSelectors.waitingCount(state), 3);
  });

  it('gives the progress in percent, or null without a total', () => {
    assert.equal(syncSelectors.progressPercent({ ...base, progress: { phase: 'upload', done: 2, total: 3, rid: null } }), 67);
    assert.equal(syncSelectors.progressPercent({ ...base, progress: { phase: 'ridSync', done: 0, total: 0, rid: null } }), null);
    assert.equal(syncSelectors.progressPercent(base), null);
  });

  it('marks the item being uploaded only while a run is going', () => {
    const item = outboxItem({ packetId: 'p1', rid: 'R1', state: 'UPLOADING' });
    const uploading: SyncState = { ...base, progress: { phase: 'upload', done: 0, total: 1, rid: 'R1' }, run: { status: 'running', summary: null, error: null } };
    assert.equal(syncSelectors.isUploadingNow(item)(uploading), true);
    assert.equal(syncSelectors.isUploadingNow(item)({ ...uploading, run: { status: 'done', summary: null, error: null } }), false);
    assert.equal(syncSelectors.isUploadingNow({ ...item, rid: 'R2' })(uploading), false);
  });

  it('finds a job by name and the requeue state of a packet', () => {
    const job = { job: 'outbox' as const, enabled: true, everyMinutes: 15, lastRunAt: null, lastOk: null, lastErrorCode: null, nextRunAt: 5, running: false };
    const state: SyncState = { ...base, syncStatus: { jobs: [job], limits: [], parked: 0, nextAttemptAt: null }, requeueing: ['p1'], itemErrors: { p2: { code: 'ERR_X', details: {} } } };
    assert.deepEqual(syncSelectors.job('outbox')(state), job);
    assert.equal(syncSelectors.job('retention')(state), null);
    assert.deepEqual([syncSelectors.isRequeueing('p1')(state), syncSelectors.isRequeueing('p2')(state)], [true, false]);
    assert.deepEqual(syncSelectors.itemError('p2')(state), { code: 'ERR_X', details: {} });
  });
});
