import { AppError } from '../../../schemas/errors';
import type { LanguageCode, Role, SessionInfo } from '../../../schemas/operators';
import type { EventName, EventPayload } from '../../../schemas/api/contract';
import type { Clock, Disposable } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';

export interface IdlePolicy {
  /** seconds of inactivity before the countdown warning (MOSIP `mosip.registration.refreshed_login_time`) */
  readonly warnAfterSeconds: number;
  /** seconds of inactivity before forced logout (MOSIP `mosip.registration.idle_time`) */
  readonly logoutAfterSeconds: number;
}

export const DEFAULT_IDLE: IdlePolicy = { warnAfterSeconds: 600, logoutAfterSeconds: 900 };

/** Pushes an event to the one UI connection a session belongs to. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

interface Session {
  info: SessionInfo;
  lastActivity: number;
  timers: Disposable[];
  sink: EventSink;
}

/**
 * Operator sessions, one per UI connection (an Electron window or a browser-host socket). The
 * idle clock runs here in the main process: the UI only reports activity.
 */
export class SessionManager {
  readonly #sessions = new Map<string, Session>();
  /** connections whose last session ended by inactivity, so the next call can say so */
  readonly #expired = new Set<string>();
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #policy: IdlePolicy;

  constructor(deps: { clock: Clock; audit: AuditLog; policy?: IdlePolicy }) {
    const policy = deps.policy ?? DEFAULT_IDLE;
    if (!(policy.warnAfterSeconds > 0 && policy.logoutAfterSeconds > policy.warnAfterSeconds)) {
      throw new TypeError('SessionManager: need 0 < warnAfterSeconds < logoutAfterSeconds');
    }
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#policy = policy;
  }

  start(connectionId: string, operator: { userId: string; name: string; roles: readonly Role[]; language: LanguageCode }, sink: EventSink): SessionInfo {
    this.end(connectionId, 'logout', { silent: true });
    const info: SessionInfo = {
      userId: operator.userId,
      name: operator.name,
      roles: [...operator.roles],
      language: operator.language,
      loggedInAt: this.#clock.now(),
      idleWarningSeconds: this.#policy.warnAfterSeconds,
      idleLogoutSeconds: this.#policy.logoutAfterSeconds,
    };
    const session: Session = { info, lastActivity: this.#clock.now(), timers: [], sink };
    this.#expired.delete(connectionId);
    this.#sessions.set(connectionId, session);
    this.#arm(connectionId, session);
    return info;
  }

  /** The session of a connection, or undefined when nobody is logged in there. */
  get(connectionId: string): SessionInfo | undefined {
    return this.#sessions.get(connectionId)?.info;
  }

  /**
   * The session for a call that needs one; counts as activity.
   * @throws AppError ERR_AUTH_NOT_AUTHENTICATED
   */
  require(connectionId: string): SessionInfo {
    const session = this.#sessions.get(connectionId);
    if (!session) {
      if (this.#expired.has(connectionId)) throw new AppError('ERR_AUTH_SESSION_EXPIRED', { idleSeconds: this.#policy.logoutAfterSeconds });
      throw new AppError('ERR_AUTH_NOT_AUTHENTICATED', {});
    }
    this.touch(connectionId);
    return session.info;
  }

  touch(connectionId: string): void {
    const session = this.#sessions.get(connectionId);
    if (!session) return;
    session.lastActivity = this.#clock.now();
    this.#arm(connectionId, session);
  }

  update(connectionId: string, change: Partial<Pick<SessionInfo, 'language'>>): SessionInfo {
    const session = this.#sessions.get(connectionId);
    if (!session) throw new AppError('ERR_AUTH_NOT_AUTHENTICATED', {});
    session.info = { ...session.info, ...change };
    return session.info;
  }

  /** Ends a session; `idle` also tells the UI so it can show why. */
  end(connectionId: string, reason: 'logout' | 'idle', options: { silent?: boolean } = {}): void {
    const session = this.#sessions.get(connectionId);
    if (!session) return;
    for (const timer of session.timers) timer.dispose();
    this.#sessions.delete(connectionId);
    if (reason === 'idle') this.#expired.add(connectionId);
    if (options.silent) return;
    this.#audit.append(reason === 'idle' ? 'SESSION_EXPIRED' : 'LOGOUT', session.info.userId, reason === 'idle' ? { idleSeconds: this.#policy.logoutAfterSeconds } : {});
    session.sink('session.onDidEnd', { reason });
  }

  /** Called when a connection closes (window closed, socket dropped). */
  disconnect(connectionId: string): void {
    this.end(connectionId, 'logout');
    this.#expired.delete(connectionId);
  }

  dispose(): void {
    for (const id of [...this.#sessions.keys()]) this.end(id, 'logout', { silent: true });
  }

  #arm(connectionId: string, session: Session): void {
    for (const timer of session.timers) timer.dispose();
    const { warnAfterSeconds, logoutAfterSeconds } = this.#policy;
    session.timers = [
      this.#clock.setTimeout(() => session.sink('session.onDidWarnIdle', { secondsLeft: logoutAfterSeconds - warnAfterSeconds }), warnAfterSeconds * 1000),
      this.#clock.setTimeout(() => this.end(connectionId, 'idle'), logoutAfterSeconds * 1000),
    ];
  }
}
