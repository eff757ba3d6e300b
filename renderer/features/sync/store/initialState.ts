import type { ExportResult, SyncStatus } from '../../../../schemas/api/syncApi';
import type { ExportTargets } from '../../../../schemas/exportTargets';
import type { JobSchedule, OutboxItem, OutboxRunSummary, RetentionSpace, SyncProgress } from '../../../../schemas/outbox';
import type { UiError } from '../../UiError';

type Status = 'idle' | 'running' | 'done' | 'failed';

/** The sync screen's two outbox lists (`outbox.list` groups). */
export type OutboxList = 'inFlight' | 'parked';

/** The sync screen: the outbox as the back end reports it, the last run and export, the schedule. */
export interface SyncState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly inFlight: readonly OutboxItem[];
  readonly parked: readonly OutboxItem[];
  /** each list's count on every page (the back end counts), and the cursor of its next page (null: all loaded) */
  readonly pages: Readonly<Record<OutboxList, { readonly total: number; readonly nextCursor: string | null }>>;
  readonly syncStatus: SyncStatus | null;
  /** what retention will free on the data dir's disk */
  readonly retention: RetentionSpace | null;
  /** the last `sync.onDidProgress` of a run (this window's or the scheduler's) */
  readonly progress: SyncProgress | null;
  readonly run: { readonly status: Status; readonly summary: OutboxRunSummary | null; readonly error: UiError | null };
  readonly exported: { readonly status: Status; readonly result: ExportResult | null; readonly error: UiError | null };
  /** removable drives mounted now and whether the host has an OS folder picker */
  readonly exportTargets: { readonly status: Status; readonly targets: ExportTargets | null; readonly error: UiError | null };
  readonly schedule: { readonly saving: JobSchedule['job'] | null; readonly error: UiError | null };
  /** packet ids being requeued now */
  readonly requeueing: readonly string[];
  /** a failed requeue, by packet id */
  readonly itemErrors: Readonly<Record<string, UiError>>;
  readonly error: UiError | null;
}

export function initialSyncState(): SyncState {
  return {
    status: 'idle',
    inFlight: [],
    parked: [],
    pages: { inFlight: { total: 0, nextCursor: null }, parked: { total: 0, nextCursor: null } },
    syncStatus: null,
    retention: null,
    progress: null,
    run: { status: 'idle', summary: null, error: null },
    exported: { status: 'idle', result: null, error: null },
    exportTargets: { status: 'idle', targets: null, error: null },
    schedule: { saving: null, error: null },
    requeueing: [],
    itemErrors: {},
    error: null,
  };
}
