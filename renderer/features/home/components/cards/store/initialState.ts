import type { HomeSummary } from '../../../../../../schemas/api/home';
import type { SyncStatus } from '../../../../../../schemas/api/syncApi';
import type { DiscoveryResult } from '../../../../../../schemas/sbi';
import type { UiError } from '../../../../UiError';

/** The live dashboard cards' figures, each as the back end last reported it. */
export interface DashboardCardsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly summary: HomeSummary | null;
  /** packets created since local midnight */
  readonly todayCount: number | null;
  /** PENDING packets waiting for the supervisor */
  readonly pendingApprovals: number | null;
  /** approved or rejected packets not yet uploaded or exported */
  readonly pendingUploads: number | null;
  readonly syncStatus: SyncStatus | null;
  readonly devices: {
    readonly status: 'idle' | 'discovering' | 'ready' | 'failed';
    readonly result: DiscoveryResult | null;
    readonly error: UiError | null;
    /** non-blocking warnings from devices.onDidWarn, newest first, one per code */
    readonly warnings: readonly UiError[];
  };
  readonly error: UiError | null;
}

export function initialDashboardCardsState(): DashboardCardsState {
  return {
    status: 'idle',
    summary: null,
    todayCount: null,
    pendingApprovals: null,
    pendingUploads: null,
    syncStatus: null,
    devices: { status: 'idle', result: null, error: null, warnings: [] },
    error: null,
  };
}
