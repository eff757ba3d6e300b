import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LanguageCode } from '../../../../schemas/operators';
import type { ApiClient } from '../../../api/createApiClient';
import { toUiError } from '../../UiError';
import { initialSessionState, type SessionState } from './initialState';

export interface SessionActions {
  start(): Promise<void>;
  login(userId: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setLanguage(language: LanguageCode): Promise<void>;
  /** user input seen in the page: keeps the main-process idle clock from ending the session */
  reportActivity(): void;
  stayLoggedIn(): Promise<void>;
  clearError(): void;
  reset(): void;
}

export type SessionStore = StoreApi<SessionState & SessionActions>;

export interface LanguageMemory {
  load(): LanguageCode | undefined;
  save(language: LanguageCode): void;
}

const ACTIVITY_REPORT_INTERVAL_MS = 30_000;

/** Login, logout, language, idle warning. The main process owns the session; this mirrors it. */
export function createSessionStore(api: ApiClient, memory: LanguageMemory, defaultLanguage: LanguageCode, now: () => number = Date.now): SessionStore {
  let lastActivityReport = 0;
  const store = createStore<SessionState & SessionActions>()((set, get) => ({
    ...initialSessionState(memory.load() ?? defaultLanguage),

    async start() {
      api.on('session.onDidWarnIdle', ({ secondsLeft }) => set({ idleSecondsLeft: secondsLeft }));
      api.on('session.onDidEnd', ({ reason }) =>
        set((s) => ({
          status: 'loggedOut',
          session: null,
          idleSecondsLeft: null,
          notice: reason === 'idle' ? 'expired' : 'loggedOut',
          expiredAfterSeconds: reason === 'idle' ? (s.session?.idleLogoutSeconds ?? null) : null,
        })),
      );
      try {
        const [appInfo, session] = await Promise.all([api['app.info']({}), api['auth.session']({})]);
        set({ appInfo, session, status: session ? 'loggedIn' : 'loggedOut', ...(session ? { language: session.language } : {}) });
      } catch (err) {
        set({ status: 'loggedOut', error: toUiError(err) });
      }
    },

    async login(userId, password) {
      set({ status: 'loggingIn', error: null, notice: null });
      try {
        const session = await api['auth.login']({ userId, password });
        memory.save(session.language);
        set({ status: 'loggedIn', session, language: session.language, idleSecondsLeft: null });
      } catch (err) {
        set({ status: 'loggedOut', error: toUiError(err) });
      }
    },

    async logout() {
      try {
        await api['auth.logout']({});
      } catch (err) {
        // Already logged out on the main side (e.g. expired): the UI state below is what matters.
        set({ error: toUiError(err) });
      }
      set({ status: 'loggedOut', session: null, notice: 'loggedOut', idleSecondsLeft: null });
    },

    async setLanguage(language) {
      memory.save(language);
      set({ language });
      if (get().status !== 'loggedIn') return;
      try {
        const session = await api['operator.setLanguage']({ language });
        set({ session });
      } catch (err) {
        set({ error: toUiError(err) });
      }
    },

    reportActivity() {
      if (get().status !== 'loggedIn' || now() - lastActivityReport < ACTIVITY_REPORT_INTERVAL_MS) return;
      lastActivityReport = now();
      void get().stayLoggedIn();
    },

    async stayLoggedIn() {
      try {
        await api['auth.touch']({});
        set({ idleSecondsLeft: null });
      } catch (err) {
        set({ error: toUiError(err) });
      }
    },

    clearError: () => set({ error: null }),
    reset: () => set(initialSessionState(get().language)),
  }));
  return store;
}
