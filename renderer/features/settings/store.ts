import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppSettings } from '../../../schemas/settings';
import type { ApiClient } from '../../api/createApiClient';
import { toUiError, type UiError } from '../UiError';

export interface SettingsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'failed';
  /** what the back end holds */
  readonly saved: AppSettings | null;
  readonly error: UiError | null;
}

export interface SettingsActions {
  load(): Promise<void>;
  /** sends the whole settings object; the main process validates and audits it */
  save(next: AppSettings): Promise<void>;
  reset(): void;
}

export type SettingsStore = StoreApi<SettingsState & SettingsActions>;

const initial: SettingsState = { status: 'idle', saved: null, error: null };

export const settingsSelectors = {
  status: (s: SettingsState) => s.status,
  saved: (s: SettingsState) => s.saved,
  error: (s: SettingsState) => s.error,
};

/** The machine's settings as the back end holds them; the form keeps its own unsaved edits. */
export function createSettingsStore(api: ApiClient): SettingsStore {
  return createStore<SettingsState & SettingsActions>()((set) => ({
    ...initial,
    async load() {
      set({ status: 'loading', error: null });
      try {
        set({ status: 'ready', saved: await api['settings.get']({}) });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    async save(next) {
      set({ status: 'saving', error: null });
      try {
        set({ status: 'saved', saved: await api['settings.update'](next) });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    reset: () => set(initial),
  }));
}
