import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuditVerifyResult } from '../../../../schemas/audit';
import type { HomeSummary } from '../../../../schemas/api/home';
import type { ApiClient } from '../../../api/createApiClient';
import { toUiError, type UiError } from '../../UiError';

export interface HomeState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly summary: HomeSummary | null;
  readonly auditResult: AuditVerifyResult | null;
  readonly error: UiError | null;
}

export interface HomeActions {
  load(): Promise<void>;
  verifyAudit(): Promise<void>;
  reset(): void;
}

export type HomeStore = StoreApi<HomeState & HomeActions>;

const initialHomeState: HomeState = { status: 'idle', summary: null, auditResult: null, error: null };

export const homeSelectors = {
  status: (s: HomeState) => s.status,
  summary: (s: HomeState) => s.summary,
  auditResult: (s: HomeState) => s.auditResult,
  error: (s: HomeState) => s.error,
};

/** The dashboard's figures, refreshed from the back end (the source of truth). */
export function createHomeStore(api: ApiClient): HomeStore {
  return createStore<HomeState & HomeActions>()((set) => ({
    ...initialHomeState,
    async load() {
      set({ status: 'loading', error: null });
      try {
        set({ status: 'ready', summary: await api['home.summary']({}) });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    async verifyAudit() {
      try {
        set({ auditResult: await api['audit.verify']({}), error: null });
      } catch (err) {
        set({ error: toUiError(err) });
      }
    },
    reset: () => set(initialHomeState),
  }));
}
