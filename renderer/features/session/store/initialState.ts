import type { AppInfo } from '../../../../schemas/api/home';
import type { LanguageCode, SessionInfo } from '../../../../schemas/operators';
import type { UiError } from '../../UiError';

export interface SessionState {
  readonly status: 'starting' | 'loggedOut' | 'loggingIn' | 'loggedIn';
  readonly appInfo: AppInfo | null;
  readonly session: SessionInfo | null;
  /** the UI language: the operator's preference once logged in, the machine's last choice before */
  readonly language: LanguageCode;
  readonly error: UiError | null;
  /** why the login screen is showing, when it is not the first start */
  readonly notice: 'loggedOut' | 'expired' | null;
  /** set while the idle-logout countdown runs */
  readonly idleSecondsLeft: number | null;
  /** the idle limit that ended the last session, for the "logged out after N s" message */
  readonly expiredAfterSeconds: number | null;
}

export function initialSessionState(language: LanguageCode): SessionState {
  return { status: 'starting', appInfo: null, session: null, language, error: null, notice: null, idleSecondsLeft: null, expiredAfterSeconds: null };
}
