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

  it('marks an item uploading from its state', () => {
    const item = outboxItem({ packetId: 'p1', state: 'UPLOADING' });
    assert.equal(syncSelectors.isUploadingNow(item)(base), true);
    assert.equal(syncSelectors.isUploadingNow({ ...item, state: 'UPLOADED' })(base), false);
  });

  it("shows the progress bar during this window's run, and for another run until its phase completes", () => {
    const running = { status: 'running' as const, summary: null, error: null };
    assert.equal(syncSelectors.isProgressVisible({ ...base, progress: { phase: 'upload', done: 3, total: 3, rid: 'R' }, run: running }), true);
    assert.equal(syncSelectors.isProgressVisible({ ...base, progress: { phase: 'upload', done: 1, total: 3, rid: 'R' } }), true);
    assert.equal(syncSelectors.isProgressVisible({ ...base, progress: { phase: 'upload', done: 3, total: 3, rid: 'R' } }), false);
    assert.equal(syncSelectors.isProgressVisible(base), false);
  });

  it('finds a job by name and the requeue state of a packet', () => {
    const job = { job: 'outbox' as const, enabled: true, everyMinutes: 15, lastRunAt: null, lastOk: null, lastErrorCode: null, nextRunAt: 5, running: false };
    const state: SyncState = { ...base, syncStatus: { jobs: [job], limits: [], parked: 0, nextAttemptAt: null }, requeueing: ['p1'], itemErrors: { p2: { code: 'ERR_SYNC_UNREACHABLE', details: {} } } };
    assert.deepEqual(syncSelectors.job('outbox')(state), job);
    assert.equal(syncSelectors.job('retention')(state), null);
    assert.deepEqual([syncSelectors.isRequeueing('p1')(state), syncSelectors.isRequeueing('p2')(state)], [true, false]);
    assert.deepEqual(syncSelectors.itemError('p2')(state), { code: 'ERR_SYNC_UNREACHABLE', details: {} });
  });
});
