import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/createApiClient';
import { initialApprovalState, type ApprovalState } from './initialState';
import { createApprovalActions, type ApprovalActions } from './slices/queue/action';
import { createSummaryActions, type SummaryActions } from './slices/summary/action';

export type ApprovalStoreState = ApprovalState & ApprovalActions & SummaryActions & { reset(): void };
export type ApprovalStore = StoreApi<ApprovalStoreState>;

/** What the queue slice's actions are built with. */
export interface ApprovalSliceContext {
  readonly api: ApiClient;
  readonly set: ApprovalStore['setState'];
  readonly get: ApprovalStore['getState'];
}

/**
 * The supervisor's approval queue: waiting packets, filters, selection, reasons and the
 * password-confirmed decision, and the open packet's review summary. The back end decides and is the source of truth (STYLE 34–39).
 */
export function createApprovalStore(api: ApiClient): ApprovalStore {
  return createStore<ApprovalStoreState>()((set, get) => ({
    ...initialApprovalState(),
    ...createApprovalActions({ api, set, get }),
    ...createSummaryActions({ api, set, get }),
    reset: () => set(initialApprovalState()),
  }));
}
