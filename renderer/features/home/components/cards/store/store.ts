import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../../../api/createApiClient';
import { createDashboardCardsActions, type DashboardCardsActions } from './action';
import { initialDashboardCardsState, type DashboardCardsState } from './initialState';

export type DashboardCardsStoreState = DashboardCardsState & DashboardCardsActions & { reset(): void };
export type DashboardCardsStore = StoreApi<DashboardCardsStoreState>;

/** What the cards' actions are built with: the client, the clock, and the store's set/get. */
export interface DashboardCardsSliceContext {
  readonly api: ApiClient;
  readonly now: () => number;
  readonly set: DashboardCardsStore['setState'];
  readonly get: DashboardCardsStore['getState'];
}

/**
 * The live home-dashboard cards: today's registrations, approvals and uploads waiting, sync times,
 * devices, disk and offline limits. Refreshed from the back end and its events, never persisted.
 */
export function createDashboardCardsStore(api: ApiClient, now: () => number = Date.now): DashboardCardsStore {
  return createStore<DashboardCardsStoreState>()((set, get) => ({
    ...initialDashboardCardsState(),
    ...createDashboardCardsActions({ api, now, set, get }),
    reset: () => set(initialDashboardCardsState()),
  }));
}
