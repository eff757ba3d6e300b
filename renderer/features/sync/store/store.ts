import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/createApiClient';
import { initialSyncState, type SyncState } from './initialState';
import { createSyncActions, type SyncActions } from './slices/outbox/action';

export type SyncStoreState = SyncState & SyncActions & { reset(): void };
export type SyncStore = StoreApi<SyncStoreState>;

/** What the sync slice's actions are built with. */
export interface SyncSliceContext {
  readonly api: ApiClient;
  readonly set: SyncStore['setState'];
  readonly get: SyncStore['getState'];
}

/**
 * The sync screen's store: outbox, progress, run summary, schedule, offline limits, export. The
 * back end is the source of truth; events keep it live and nothing is persisted here (STYLE 34–39).
 */
export function createSyncStore(api: ApiClient): SyncStore {
  return createStore<SyncStoreState>()((set, get) => ({
    ...initialSyncState(),
    ...createSyncActions({ api, set, get }),
    reset: () => set(initialSyncState()),
  }));
}
