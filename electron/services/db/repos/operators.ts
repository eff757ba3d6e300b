import { Role, LanguageCode, type Role as RoleT, type LanguageCode as LanguageCodeT } from '../../../../schemas/operators';
import type { DB } from '../Database';
import { sql } from '../sql';
import { assert, defined } from '../../../../schemas/errors/assert';

export interface OperatorRow {
  user_id: string;
  name: string;
  roles: string;
  password_hash: string | null;
  is_active: 0 | 1;
  language: string;
  failed_logins: number;
  locked_until: number | null;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface Operator {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly RoleT[];
  readonly passwordHash: string | undefined;
  readonly isActive: boolean;
  readonly language: LanguageCodeT;
  readonly failedLogins: number;
  readonly lockedUntil: number | undefined;
  readonly lastLoginAt: number | undefined;
}

function hydrate(row: OperatorRow): Operator {
  return {
    userId: row.user_id,
    name: row.name,
    roles: Role.array().parse(JSON.parse(row.roles)),
    passwordHash: row.password_hash ?? undefined,
    isActive: row.is_active === 1,
    language: LanguageCode.catch('por').parse(row.language),
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until ?? undefined,
    lastLoginAt: row.last_login_at ?? undefined,
  };
}

export function getOperator(db: DB, userId: string): Operator | undefined {
  const [query, params] = sql`SELECT * FROM operators WHERE user_id = ${userId}`;
  const row = db.prepare(query).get(...params) as OperatorRow | undefined;
  return row ? hydrate(row) : undefined;
}

export function countOperators(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
}

export interface NewOperator {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly RoleT[];
  readonly passwordHash: string;
  readonly language: LanguageCodeT;
}

export function insertOperator(db: DB, op: NewOperator, now: number): void {
  const [query, params] = sql`INSERT INTO operators (user_id, name, roles, password_hash, language, created_at, updated_at)
    VALUES (${op.userId}, ${op.name}, ${JSON.stringify(op.roles)}, ${op.passwordHash}, ${op.language}, ${now}, ${now})`;
  db.prepare(query).run(...params);
}

/**
 * Counts a password attempt before its hash is checked, in one statement (SQLite runs it
 * atomically), and returns the new count; a success resets it (recordSuccessfulLogin, clearFailedLogins).
 */
export function recordLoginAttempt(db: DB, userId: string, now: number): number {
  const [query, params] = sql`UPDATE operators SET failed_logins = failed_logins + 1, updated_at = ${now}
    WHERE user_id = ${userId} RETURNING failed_logins`;
  const row = db.prepare(query).get(...params) as { failed_logins: number } | undefined;
  return defined(row, `recordLoginAttempt: the row of ${userId}`).failed_logins;
}

/** Locks an operator until `lockedUntil` (the failed attempts were already counted). */
export function lockOperator(db: DB, userId: string, now: number, lockedUntil: number): void {
  const [query, params] = sql`UPDATE operators SET locked_until = ${lockedUntil}, updated_at = ${now} WHERE user_id = ${userId}`;
  assertOneChange('lockOperator', db.prepare(query).run(...params).changes);
}

export function recordSuccessfulLogin(db: DB, userId: string, now: number): void {
  const [query, params] = sql`UPDATE operators SET failed_logins = 0, locked_until = NULL, last_login_at = ${now},
    updated_at = ${now} WHERE user_id = ${userId}`;
  assertOneChange('recordSuccessfulLogin', db.prepare(query).run(...params).changes);
}

/** A re-authentication (packet, EOD) succeeded: failures start again from zero; not a login. */
export function clearFailedLogins(db: DB, userId: string, now: number): void {
  const [query, params] = sql`UPDATE operators SET failed_logins = 0, locked_until = NULL, updated_at = ${now} WHERE user_id = ${userId}`;
  assertOneChange('clearFailedLogins', db.prepare(query).run(...params).changes);
}

/** A lock that has run out is cleared so the operator starts again with a full set of attempts. */
export function clearExpiredLock(db: DB, userId: string, now: number): void {
  const [query, params] = sql`UPDATE operators SET failed_logins = 0, locked_until = NULL, updated_at = ${now}
    WHERE user_id = ${userId} AND locked_until IS NOT NULL AND locked_until <= ${now}`;
  db.prepare(query).run(...params);
}

export function setOperatorLanguage(db: DB, userId: string, language: LanguageCodeT, now: number): void {
  const [query, params] = sql`UPDATE operators SET language = ${language}, updated_at = ${now} WHERE user_id = ${userId}`;
  assertOneChange('setOperatorLanguage', db.prepare(query).run(...params).changes);
}

function assertOneChange(fn: string, changes: number): void {
  assert(changes === 1, `${fn}: expected 1 change, got ${changes}`);
}

/** The operator's offline password hash (a password the MOSIP server just accepted: AuthService.adoptServerPassword). */
export function setOperatorPasswordHash(db: DB, userId: string, passwordHash: string, now: number): void {
  const [query, params] = sql`UPDATE operators SET password_hash = ${passwordHash}, updated_at = ${now} WHERE user_id = ${userId}`;
  assertOneChange('setOperatorPasswordHash', db.prepare(query).run(...params).changes);
}
