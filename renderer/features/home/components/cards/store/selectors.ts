import type { JobStatus, OfflineLimitStatus } from '../../../../../../schemas/outbox';
import type { DashboardCardsState } from './initialState';

const NONE: readonly OfflineLimitStatus[] = [];
const NO_DEVICES: readonly [] = [];

function outboxJob(s: DashboardCardsState): JobStatus | undefined {
  return s.syncStatus?.jobs.find((j) => j.job === 'outbox');
}

/** Named reads of the dashboard cards (STYLE rule 35). */
export const dashboardCardsSelectors = {
  status: (s: DashboardCardsState) => s.status,
  error: (s: DashboardCardsState) => s.error,
  todayCount: (s: DashboardCardsState) => s.todayCount,
  pendingApprovals: (s: DashboardCardsState) => s.pendingApprovals,
  pendingUploads: (s: DashboardCardsState) => s.pendingUploads,
  parked: (s: DashboardCardsState) => s.syncStatus?.parked ?? null,
  /** the last successful contact with the server (home.summary) */
  lastSyncAt: (s: DashboardCardsState) => s.summary?.lastSyncAt ?? null,
  /** the next scheduled upload run; null when the job is off or not yet planned */
  nextSyncAt: (s: DashboardCardsState) => {
    const job = outboxJob(s);
    return job?.enabled ? job.nextRunAt : null;
  },
  isSyncScheduled: (s: DashboardCardsState) => outboxJob(s)?.enabled ?? false,
  disk: (s: DashboardCardsState) => s.summary?.disk ?? null,
  /** the free-disk offline limit, near or hit */
  diskLimit: (s: DashboardCardsState) => s.syncStatus?.limits.find((l) => l.limit === 'freeDiskMb' && l.state !== 'ok') ?? null,
  /** limits near or hit, hit first */
  limitsNeedingAttention: (s: DashboardCardsState): readonly OfflineLimitStatus[] => {
    const limits = (s.syncStatus?.limits ?? NONE).filter((l) => l.state !== 'ok');
    return limits.length === 0 ? NONE : [...limits].sort((a, b) => (a.state === b.state ? 0 : a.state === 'hit' ? -1 : 1));
  },
  devicesStatus: (s: DashboardCardsState) => s.devices.status,
  devices: (s: DashboardCardsState) => s.devices.result?.devices ?? NO_DEVICES,
  rejectedDevices: (s: DashboardCardsState) => s.devices.result?.rejected ?? NO_DEVICES,
  devicesError: (s: DashboardCardsState) => s.devices.error,
  deviceWarnings: (s: DashboardCardsState) => s.devices.warnings,
};
