import { randomBytes } from 'node:crypto';
import { AppError } from '../../../schemas/errors';
import type { AuthProcess, LanguageCode, Role } from '../../../schemas/operators';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import {
  clearExpiredLock,
  clearFailedLogins,
  getOperator,
  insertOperator,
  lockOperator,
  recordLoginAttempt,
  recordSuccessfulLogin,
  setOperatorPasswordHash,
  type Operator,
} from '../db/repos/operators';
import { hashPassword, verifyPassword } from './passwordHash';
import { checkPassword } from './passwordPolicy';
import { UnknownUserAttempts } from './UnknownUserAttempts';

export interface LockoutPolicy {
  /** failed logins allowed before a temporary lock (MOSIP `mosip.registration.invalid_login_count`) */
  readonly maxFailures: number;
  /** lock duration (MOSIP `mosip.registration.invalid_login_time`) */
  readonly lockMinutes: number;
}

/**
 * MOSIP's defaults are 50 failures / 2 minutes, which lets a guesser try 1,500 passwords an hour;
 * we lock after 5.
 */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 2 };

const AUDIT = {
  login_auth: { ok: 'LOGIN_SUCCESS', failed: 'LOGIN_FAILED' },
  packet_auth: { ok: 'OPERATOR_AUTH_SUCCESS', failed: 'OPERATOR_AUTH_FAILED' },
  eod_auth: { ok: 'OPERATOR_AUTH_SUCCESS', failed: 'OPERATOR_AUTH_FAILED' },
  exception_auth: { ok: 'OPERATOR_AUTH_SUCCESS', failed: 'OPERATOR_AUTH_FAILED' },
  // a supervisor authorising a restore, checked against the restored copy's operators
  restore_auth: { ok: 'OPERATOR_AUTH_SUCCESS', failed: 'OPERATOR_AUTH_FAILED' },
} as const;

/** Offline operator authentication: scrypt hashes, lockout, every outcome audited. */
export class AuthService {
  readonly #db: DB;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #policy: LockoutPolicy;
  /** the check in progress per user ID: checks of one user run one at a time */
  readonly #turns = new Map<string, Promise<Operator>>();
  readonly #unknownUsers = new UnknownUserAttempts();
  #dummy: Promise<string> | undefined;

  constructor(deps: { db: DB; audit: AuditLog; clock: Clock; policy?: LockoutPolicy }) {
    const policy = deps.policy ?? DEFAULT_LOCKOUT;
    if (!Number.isInteger(policy.maxFailures) || policy.maxFailures < 1) throw new TypeError('AuthService: maxFailures must be a positive integer');
    if (!Number.isInteger(policy.lockMinutes) || policy.lockMinutes < 1) throw new TypeError('AuthService: lockMinutes must be a positive integer');
    this.#db = deps.db;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#policy = policy;
  }

  /**
   * Checks an operator's password, for `process` (default: a login). Failures of any process count
   * towards the same lockout; a success resets them. The password itself is never audited.
   * Checks of one user run one at a time, and each attempt is counted before its password is hashed:
   * guesses sent together cannot all read the same count while the slow hash runs (issue 12).
   * An unknown user is answered as a wrong password, after the same hashing work, and locks the same
   * way, so the answer does not tell which user IDs exist.
   * @throws AppError ERR_AUTH_OPERATOR_INACTIVE, ERR_AUTH_LOCKED, ERR_AUTH_WRONG_PASSWORD
   */
  async verify(userId: string, password: string, process: AuthProcess = 'login_auth'): Promise<Operator> {
    const previous = this.#turns.get(userId);
    const turn = (async () => {
      // the previous check's outcome is its caller's; this one only waits for it to end
      await previous?.catch(() => undefined);
      return this.#verifyNow(userId, password, process);
    })();
    this.#turns.set(userId, turn);
    try {
      return await turn;
    } finally {
      if (this.#turns.get(userId) === turn) this.#turns.delete(userId);
    }
  }

  async #verifyNow(userId: string, password: string, process: AuthProcess): Promise<Operator> {
    const now = this.#clock.now();
    const events = AUDIT[process];
    // a login's audit keeps its historical shape; other processes say which one they were
    const tag = process === 'login_auth' ? {} : { process };
    clearExpiredLock(this.#db, userId, now);
    const operator = getOperator(this.#db, userId);
    if (!operator) return this.#unknown(userId, password, process);
    if (!operator.isActive) {
      this.#audit.append(events.failed, userId, { ...tag, reason: 'inactive' });
      throw new AppError('ERR_AUTH_OPERATOR_INACTIVE', { userId });
    }
    if (operator.lockedUntil !== undefined && operator.lockedUntil > now) {
      this.#audit.append(events.failed, userId, { ...tag, reason: 'locked', lockedUntil: operator.lockedUntil });
      throw this.#lockedError(operator.lockedUntil);
    }
    // counted before the hash: if this process (or another one on the same data dir) stops or
    // races during the hash, the attempt has already been paid for
    const failures = recordLoginAttempt(this.#db, userId, now);
    if (failures > this.#policy.maxFailures) return this.#fail(operator, process, failures);
    const ok = await verifyPassword(password, operator.passwordHash ?? (await this.#dummyHash()));
    if (!ok || operator.passwordHash === undefined) return this.#fail(operator, process, failures);
    // only a login is a login: re-confirming a packet or a decision leaves last_login_at alone
    if (process === 'login_auth') recordSuccessfulLogin(this.#db, userId, this.#clock.now());
    else clearFailedLogins(this.#db, userId, this.#clock.now());
    this.#audit.append(events.ok, userId, { ...tag, roles: operator.roles });
    return operator;
  }

  /** A user ID this machine does not know: same work and same answers as a known user's wrong password. */
  async #unknown(userId: string, password: string, process: AuthProcess): Promise<never> {
    const tag = process === 'login_auth' ? {} : { process };
    const now = this.#clock.now();
    const lockedUntil = this.#unknownUsers.lockedUntil(userId, now);
    if (lockedUntil !== undefined) {
      this.#audit.append(AUDIT[process].failed, userId, { ...tag, reason: 'unknown-operator' });
      throw this.#lockedError(lockedUntil);
    }
    const failures = this.#unknownUsers.count(userId);
    await verifyPassword(password, await this.#dummyHash());
    this.#audit.append(AUDIT[process].failed, userId, { ...tag, reason: 'unknown-operator' });
    if (failures >= this.#policy.maxFailures) {
      const until = this.#unknownUsers.lock(userId, this.#clock.now() + this.#policy.lockMinutes * 60_000);
      throw this.#lockedError(until);
    }
    throw new AppError('ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: this.#policy.maxFailures - failures });
  }

  /** A hash of a random password with the default cost, made once: what an unknown user's guess is checked against. */
  #dummyHash(): Promise<string> {
    this.#dummy ??= hashPassword(randomBytes(16).toString('base64'));
    return this.#dummy;
  }

  /** A wrong password (already counted): locks once the count reaches the policy's maximum. */
  #fail(operator: Operator, process: AuthProcess, failures: number): never {
    const now = this.#clock.now();
    const lockedUntil = failures >= this.#policy.maxFailures ? now + this.#policy.lockMinutes * 60_000 : null;
    const tag = process === 'login_auth' ? {} : { process };
    this.#db.transaction(() => {
      if (lockedUntil !== null) lockOperator(this.#db, operator.userId, now, lockedUntil);
      this.#audit.append(AUDIT[process].failed, operator.userId, { ...tag, reason: 'wrong-password', failures });
      if (lockedUntil !== null) this.#audit.append('LOGIN_LOCKED', operator.userId, { ...tag, lockedUntil, failures });
    })();
    if (lockedUntil !== null) throw this.#lockedError(lockedUntil);
    throw new AppError('ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: this.#policy.maxFailures - failures });
  }

  #lockedError(lockedUntil: number): AppError {
    return new AppError('ERR_AUTH_LOCKED', { lockedUntil, minutes: this.#policy.lockMinutes });
  }

  /**
   * MOSIP's online login keeps the password the server just accepted as the operator's offline one
   * (registration-client 1.2 AuthTokenUtilService.updateUserDetails → UserDetailDAO.updateUserPwd),
   * so an operator who came down with the user-details sync (no password: 1.2 never sends one) can
   * then be checked here, with the lockout and audit of every check. Only for an active operator
   * this machine knows; an unchanged password is not rewritten. Call it only after the server's yes.
   */
  async adoptServerPassword(userId: string, password: string): Promise<void> {
    const operator = getOperator(this.#db, userId);
    if (!operator?.isActive) return;
    if (operator.passwordHash !== undefined && (await verifyPassword(password, operator.passwordHash))) return;
    const passwordHash = await hashPassword(password);
    this.#db.transaction(() => {
      setOperatorPasswordHash(this.#db, userId, passwordHash, this.#clock.now());
      this.#audit.append('OPERATOR_UPDATED', userId, { userId, change: 'offline password from a server login' });
    })();
  }

  /**
   * Creates an operator with a local password (demo seeding, CLI, first-time onboarding).
   * @throws AppError ERR_AUTH_PASSWORD_WEAK: the one password policy (passwordPolicy.ts) applies to every caller
   */
  async createOperator(op: { userId: string; name: string; roles: readonly Role[]; password: string; language: LanguageCode }, actor: string | null): Promise<void> {
    checkPassword(op.userId, op.password);
    const passwordHash = await hashPassword(op.password);
    this.#db.transaction(() => {
      insertOperator(this.#db, { userId: op.userId, name: op.name, roles: op.roles, passwordHash, language: op.language }, this.#clock.now());
      this.#audit.append('OPERATOR_CREATED', actor, { userId: op.userId, roles: op.roles });
    })();
  }
}
