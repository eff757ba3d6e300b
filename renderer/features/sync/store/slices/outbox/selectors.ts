import type { JobStatus, OfflineLimitStatus, OutboxItem, OutboxState, ScheduledJob } from '../../../../../../schemas/outbox';
import type { SyncState } from '../../initialState';

const EMPTY_LIMITS: readonly OfflineLimitStatus[] = [];
const EMPTY_JOBS: readonly JobStatus[] = [];

/** Which outbox states mean "work still to do" for the person at the machine. */
const WAITING_STATES: ReadonlySet<OutboxState> = new Set(['READY', 'SYNCED', 'UPLOADING']);

/** Named reads of the sync store (STYLE rule 35). */
export const syncSelectors = {
  status: (s: SyncState) => s.status,
  error: (s: SyncState) => s.error,
  inFlight: (s: SyncState) => s.inFlight,
  parked: (s: SyncState) => s.parked,
  progress: (s: SyncState) => s.progress,
  run: (s: SyncState) => s.run,
  isRunning: (s: SyncState) => s.run.status === 'running',
  exported: (s: SyncState) => s.exported,
  exportTargets: (s: SyncState) => s.exportTargets,
  schedule: (s: SyncState) => s.schedule,
  jobs: (s: SyncState) => s.syncStatus?.jobs ?? EMPTY_JOBS,
  job: (job: ScheduledJob) => (s: SyncState) => s.syncStatus?.jobs.find((j) => j.job === job) ?? null,
  limits: (s: SyncState) => s.syncStatus?.limits ?? EMPTY_LIMITS,
  retention: (s: SyncState) => s.retention,
  /** limits near or hit, worst first: these get the warning colours */
  limitsNeedingAttention: (s: SyncState): readonly OfflineLimitStatus[] => {
    const limits = (s.syncStatus?.limits ?? EMPTY_LIMITS).filter((l) => l.state !== 'ok');
    return limits.length === 0 ? EMPTY_LIMITS : [...limits].sort((a, b) => (a.state === b.state ? 0 : a.state === 'hit' ? -1 : 1));
  },
  pages: (s: SyncState) => s.pages,
  nextAttemptAt: (s: SyncState) => s.syncStatus?.nextAttemptAt ?? null,
  /** packets approved or rejected and not yet uploaded (or exported) */
  waitingCount: (s: SyncState) => s.inFlight.filter((i) => WAITING_STATES.has(i.state)).length,
  isRequeueing: (packetId: string) => (s: SyncState) => s.requeueing.includes(packetId),
  itemError: (packetId: string) => (s: SyncState) => s.itemErrors[packetId] ?? null,
  /** an upload of this packet is on the wire (the outbox marks it UPLOADING; progress events come after each upload) */
  isUploadingNow: (item: OutboxItem) => (_s: SyncState) => item.state === 'UPLOADING',
  /** a run reports progress: this window's, or the scheduler's until its phase completes */
  isProgressVisible: (s: SyncState) => s.progress !== null && (s.run.status === 'running' || s.progress.done < s.progress.total),
  /** 0–100 for the run's progress bar; null when no run reports progress */
  progressPercent: (s: SyncState): number | null =>
    s.progress === null || s.progress.total === 0 ? null : Math.round((100 * s.progress.done) / s.progress.total),
};
