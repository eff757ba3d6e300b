import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobStatus, OfflineLimitStatus } from '../../../../../../../../schemas/outbox';
import { initialDashboardCardsState, type DashboardCardsState } from '../../../../../../../../renderer/features/home/components/cards/store/initialState';
import { dashboardCardsSelectors } from '../../../../../../../../renderer/features/home/components/cards/store/selectors';
import { startOfDay } from '../../../../../../../../renderer/features/home/components/cards/store/startOfDay';

const job = (enabled: boolean, nextRunAt: number | null): JobStatus => ({ job: 'outbox', enabled, everyMinutes: 15, lastRunAt: 1, lastOk: true, lastErrorCode: null, nextRunAt, running: false });
const limit = (name: OfflineLimitStatus['limit'], state: OfflineLimitStatus['state']): OfflineLimitStatus => ({ limit: name, value: 3, threshold: 5, state, code: 'ERR_SYNC_LIMIT_DISK_SPACE', details: { freeMb: 3, minMb: 5 } });

describe('dashboardCardsSelectors', () => {
  const base = initialDashboardCardsState();
  const withStatus = (jobs: JobStatus[], limits: OfflineLimitStatus[]): DashboardCardsState => ({ ...base, syncStatus: { jobs, limits, parked: 4, nextAttemptAt: null } });

  it('gives the next upload run only while the job is on', () => {
    assert.equal(dashboardCardsSelectors.nextSyncAt(withStatus([job(true, 500)], [])), 500);
    assert.equal(dashboardCardsSelectors.nextSyncAt(withStatus([job(false, 500)], [])), null);
    assert.equal(dashboardCardsSelectors.nextSyncAt(base), null);
    assert.equal(dashboardCardsSelectors.parked(withStatus([], [])), 4);
    assert.equal(dashboardCardsSelectors.parked(base), null);
  });

  it('lists the limits near or hit, hit first, and picks out the disk limit', () => {
    const s = withStatus([], [limit('unsyncedPackets', 'near'), limit('pendingApprovals', 'ok'), limit('freeDiskMb', 'hit')]);
    assert.deepEqual(dashboardCardsSelectors.limitsNeedingAttention(s).map((l) => l.limit), ['freeDiskMb', 'unsyncedPackets']);
    assert.equal(dashboardCardsSelectors.diskLimit(s)?.state, 'hit');
    assert.equal(dashboardCardsSelectors.diskLimit(withStatus([], [limit('freeDiskMb', 'ok')])), null);
  });
});

describe('startOfDay', () => {
  it('is local midnight of the same day', () => {
    assert.equal(startOfDay(new Date(2026, 10, 22, 23, 59, 59, 999).getTime()), new Date(2026, 10, 22).getTime());
    assert.equal(startOfDay(new Date(2026, 10, 22).getTime()), new Date(2026, 10, 22).getTime());
  });
});
