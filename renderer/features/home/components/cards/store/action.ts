import { CancelledError } from '../../../../../../schemas/errors';
import type { JobStatus } from '../../../../../../schemas/outbox';
import { toUiError, type UiError } from '../../../../UiError';
import type { DashboardCardsState } from './initialState';
import { startOfDay } from './startOfDay';
import type { DashboardCardsSliceContext } from './store';

export interface DashboardCardsActions {
  /** follows outbox, schedule and device events; returns the unsubscribe */
  connect(): () => void;
  /** every figure, fresh from the back end */
  load(): Promise<void>;
  /** the counts that packets and the outbox change (coalesced: one refresh at a time) */
  refreshCounts(): Promise<void>;
  /** scans for SBI devices (ports 4501–4600 by default); `signal`: the screen that asked left, the scan stops */
  discoverDevices(signal?: AbortSignal): Promise<void>;
}

const MAX_WARNINGS = 3;

/** Actions of the dashboard cards; each calls the typed API and keeps status and error code. */
export function createDashboardCardsActions({ api, set, get, now }: DashboardCardsSliceContext): DashboardCardsActions {
  let counting: Promise<void> | null = null;
  let isStale = false;
  /** the signal of the device scan under way, if any */
  let scanning: AbortSignal | null = null;
  const count = async () => {
    // the cards show counts only: one row per list, the back end counts the rest (issue 17)
    const [today, pending, unsent, syncStatus] = await Promise.all([
      api['packets.list']({ from: startOfDay(now()), limit: 1 }),
      api['packets.list']({ state: 'PENDING', limit: 1 }),
      api['outbox.list']({ group: 'unsent', limit: 1 }),
      api['sync.status']({}),
    ]);
    set({ todayCount: today.total, pendingApprovals: pending.total, pendingUploads: unsent.total, syncStatus });
  };
  return {
    connect() {
      const offs = [
        api.on('outbox.onDidChange', () => void get().refreshCounts()),
        api.on('sync.onDidChangeSchedule', (jobs) => set((s) => withSchedule(s, jobs))),
        api.on('devices.onDidChange', (result) => set((s) => ({ devices: { ...s.devices, status: 'ready', result, error: null } }))),
        api.on('devices.onDidWarn', (warning) => set((s) => ({ devices: { ...s.devices, warnings: addWarning(s.devices.warnings, { code: warning.code, details: { ...warning.details } }) } }))),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
    async load() {
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', error: null }));
      try {
        const [summary] = await Promise.all([api['home.summary']({}), count()]);
        set({ status: 'ready', summary });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    async refreshCounts() {
      if (counting) {
        isStale = true;
        return counting;
      }
      counting = (async () => {
        do {
          isStale = false;
          try {
            await count();
          } catch (err) {
            set({ error: toUiError(err) });
          }
        } while (isStale);
      })();
      try {
        await counting;
      } finally {
        counting = null;
      }
    },
    async discoverDevices(signal) {
      // a scan whose screen left (aborted) does not hold back the next one (StrictMode mounts twice)
      if (get().devices.status === 'discovering' && scanning?.aborted === false) return;
      const mine = signal ?? new AbortController().signal;
      scanning = mine;
      set((s) => ({ devices: { ...s.devices, status: 'discovering', error: null } }));
      try {
        const result = await api['devices.discover']({}, { signal: mine });
        if (scanning === mine) set((s) => ({ devices: { ...s.devices, status: 'ready', result } }));
      } catch (err) {
        // a newer scan owns the card; a cancelled one is no failure to show
        if (scanning !== mine) return;
        if (err instanceof CancelledError) set((s) => ({ devices: { ...s.devices, status: s.devices.result ? 'ready' : 'idle' } }));
        else set((s) => ({ devices: { ...s.devices, status: 'failed', error: toUiError(err) } }));
      } finally {
        if (scanning === mine) scanning = null;
      }
    },
  };
}

/**
 * A schedule change: the jobs, and "last sync" when a down-sync just succeeded — home.summary's rule
 * (the downSync job's run with lastOk), so the card moves on after "Sync now" without a reload.
 */
function withSchedule(s: DashboardCardsState, jobs: readonly JobStatus[]): Partial<DashboardCardsState> {
  const downSync = jobs.find((j) => j.job === 'downSync' && j.lastOk === true && j.lastRunAt !== null);
  return {
    ...(s.syncStatus ? { syncStatus: { ...s.syncStatus, jobs: [...jobs] } } : {}),
    ...(s.summary && downSync ? { summary: { ...s.summary, lastSyncAt: downSync.lastRunAt } } : {}),
  };
}

/** Serialized errors arrive with a message; the view keeps only code and details. */
function addWarning(warnings: readonly UiError[], warning: UiError): readonly UiError[] {
  return [warning, ...warnings.filter((w) => w.code !== warning.code)].slice(0, MAX_WARNINGS);
}
