import type { SessionState } from './initialState';

export const sessionSelectors = {
  status: (s: SessionState) => s.status,
  session: (s: SessionState) => s.session,
  appInfo: (s: SessionState) => s.appInfo,
  language: (s: SessionState) => s.language,
  error: (s: SessionState) => s.error,
  notice: (s: SessionState) => s.notice,
  idleSecondsLeft: (s: SessionState) => s.idleSecondsLeft,
  expiredAfterSeconds: (s: SessionState) => s.expiredAfterSeconds,
  isLoggedIn: (s: SessionState) => s.status === 'loggedIn',
  hasRole: (role: string) => (s: SessionState) => s.session?.roles.includes(role as never) ?? false,
};
