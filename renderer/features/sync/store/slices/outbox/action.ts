import type { JobSchedule } from '../../../../../../schemas/outbox';
import { PAGE_SIZE_DEFAULT } from '../../../../../../schemas/paging';
import type { OutboxList, SyncState } from '../../initialState';
import { toUiError } from '../../../../UiError';
import type { SyncSliceContext } from '../../store';
import { applyOutboxChange, outboxItemsReducer } from './reducer';

export interface SyncActions {
  /** follows the back end's events; returns the unsubscribe (call it when the view goes away) */
  connect(): () => void;
  /** the outbox lists and the sync status, fresh from the back end */
  refresh(): Promise<void>;
  /** the next page of one outbox list, appended */
  loadMore(list: OutboxList): Promise<void>;
  /** one outbox run now; keeps its summary for the screen */
  syncNow(): Promise<void>;
  /** a parked packet back into the outbox (supervisor; the main process checks the role) */
  requeue(packetId: string): Promise<void>;
  setSchedule(schedule: JobSchedule): Promise<void>;
  /** approved/rejected packets to a folder (USB), with the signed manifest */
  exportTo(dir: string): Promise<void>;
  /** the removable drives mounted now, and whether an OS folder picker exists */
  loadExportTargets(): Promise<void>;
  /** the desktop app's folder picker: the chosen folder, or null when cancelled or refused */
  pickExportFolder(): Promise<string | null>;
}

/** Actions of the sync store: each calls the typed API, then stores the result, a status and the error code. */
export function createSyncActions({ api, set, get }: SyncSliceContext): SyncActions {
  return {
    connect() {
      const offs = [
        api.on('outbox.onDidChange', (item) => set((s) => withTotals(s, applyOutboxChange(s, item)))),
        api.on('sync.onDidProgress', (progress) => set({ progress })),
        api.on('sync.onDidChangeSchedule', (jobs) => set((s) => (s.syncStatus ? { syncStatus: { ...s.syncStatus, jobs } } : {}))),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
    async refresh() {
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', error: null }));
      try {
        // the first page of each list; more on request (loadMore)
        const [inFlight, parked, syncStatus, retention] = await Promise.all([
          api['outbox.list']({ group: 'inFlight', limit: PAGE_SIZE_DEFAULT }),
          api['outbox.list']({ group: 'parked', limit: PAGE_SIZE_DEFAULT }),
          api['sync.status']({}),
          api['sync.retentionSpace']({}),
        ]);
        set({
          status: 'ready',
          inFlight: outboxItemsReducer([], { type: 'replaceAll', items: inFlight.items }),
          parked: outboxItemsReducer([], { type: 'replaceAll', items: parked.items }),
          pages: { inFlight: { total: inFlight.total, nextCursor: inFlight.nextCursor }, parked: { total: parked.total, nextCursor: parked.nextCursor } },
          syncStatus,
          retention,
        });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    async loadMore(list) {
      const cursor = get().pages[list].nextCursor;
      if (cursor === null) return;
      try {
        const page = await api['outbox.list']({ group: list, limit: PAGE_SIZE_DEFAULT, cursor });
        // a refresh since started the list again: this page belongs to the old one
        if (get().pages[list].nextCursor !== cursor) return;
        set((s) => ({
          [list]: page.items.reduce((items, item) => outboxItemsReducer(items, { type: 'upsert', item }), s[list]),
          pages: { ...s.pages, [list]: { total: page.total, nextCursor: page.nextCursor } },
        }));
      } catch (err) {
        set({ error: toUiError(err) });
      }
    },
    async syncNow() {
      if (get().run.status === 'running') return;
      set({ run: { status: 'running', summary: null, error: null }, progress: null });
      try {
        const summary = await api['sync.now']({});
        set({ run: { status: 'done', summary, error: null }, progress: null });
      } catch (err) {
        set({ run: { status: 'failed', summary: null, error: toUiError(err) }, progress: null });
      }
      await get().refresh();
    },
    async requeue(packetId) {
      if (get().requeueing.includes(packetId)) return;
      set((s) => ({ requeueing: [...s.requeueing, packetId], itemErrors: withoutKey(s.itemErrors, packetId) }));
      try {
        const item = await api['outbox.requeue']({ id: packetId });
        set((s) => withTotals(s, applyOutboxChange(s, item)));
      } catch (err) {
        set((s) => ({ itemErrors: { ...s.itemErrors, [packetId]: toUiError(err) } }));
      } finally {
        set((s) => ({ requeueing: s.requeueing.filter((id) => id !== packetId) }));
      }
    },
    async setSchedule(schedule) {
      set({ schedule: { saving: schedule.job, error: null } });
      try {
        const jobs = await api['sync.setSchedule'](schedule);
        set((s) => ({ schedule: { saving: null, error: null }, ...(s.syncStatus ? { syncStatus: { ...s.syncStatus, jobs } } : {}) }));
      } catch (err) {
        set({ schedule: { saving: null, error: toUiError(err) } });
      }
    },
    async exportTo(dir) {
      const trimmed = dir.trim();
      if (trimmed === '' || get().exported.status === 'running') return;
      set({ exported: { status: 'running', result: null, error: null } });
      try {
        const result = await api['sync.export']({ dir: trimmed });
        set({ exported: { status: 'done', result, error: null } });
      } catch (err) {
        set({ exported: { status: 'failed', result: null, error: toUiError(err) } });
      }
      await get().refresh();
    },
    async loadExportTargets() {
      set((s) => ({ exportTargets: { ...s.exportTargets, status: 'running', error: null } }));
      try {
        set({ exportTargets: { status: 'done', targets: await api['sync.exportTargets']({}), error: null } });
      } catch (err) {
        set((s) => ({ exportTargets: { ...s.exportTargets, status: 'failed', error: toUiError(err) } }));
      }
    },
    async pickExportFolder() {
      try {
        return (await api['sync.pickExportFolder']({})).dir;
      } catch (err) {
        set((s) => ({ exportTargets: { ...s.exportTargets, error: toUiError(err) } }));
        return null;
      }
    },
  };
}

/** A list that grew or shrank by an event counts the same change in its total. */
function withTotals(before: SyncState, after: Pick<SyncState, 'inFlight' | 'parked'>): Pick<SyncState, 'inFlight' | 'parked' | 'pages'> {
  const moved = (list: OutboxList) => ({ ...before.pages[list], total: Math.max(0, before.pages[list].total + after[list].length - before[list].length) });
  return { ...after, pages: { inFlight: moved('inFlight'), parked: moved('parked') } };
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
