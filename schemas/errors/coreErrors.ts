import { z } from 'zod';
import { defineErrors, NoDetails } from './defineErrors';

const Issue = z.object({ path: z.string(), message: z.string() });

/** Errors of the spine: IPC, store, keys, operators, sessions, audit, configuration. */
export const coreErrors = defineErrors({
  ERR_INTERNAL: {
    retry: 'fatal',
    log: 'internal error (a bug); see the log for the stack',
    details: () => z.object({ ref: z.string().optional() }),
  },
  ERR_CANCELLED: {
    // not a failure: the person left the screen or pressed cancel; the same work can be asked again
    retry: 'retry',
    log: 'the call was cancelled by its caller',
    details: () => NoDetails,
  },
  ERR_IPC_UNKNOWN_METHOD: {
    retry: 'fatal',
    log: 'unknown API method',
    details: () => z.object({ method: z.string() }),
  },
  ERR_IPC_INVALID_INPUT: {
    retry: 'fatal',
    log: 'API input failed validation',
    details: () => z.object({ method: z.string(), issues: z.array(Issue) }),
  },
  ERR_IPC_INVALID_OUTPUT: {
    retry: 'fatal',
    log: 'API output failed validation (a bug in the handler)',
    details: () => z.object({ method: z.string(), issues: z.array(Issue) }),
  },
  ERR_PAGE_CURSOR_INVALID: {
    // a cursor is only ever written by the list that reads it: anything else is forged or stale
    retry: 'fatal',
    log: 'a list cursor was not one this list wrote',
    details: () => z.object({ field: z.string(), list: z.string() }),
  },
  ERR_IPC_FORBIDDEN_SENDER: {
    retry: 'fatal',
    log: 'API call from a sender that is not the app window',
    details: () => z.object({ origin: z.string() }),
  },
  ERR_AUTH_NOT_AUTHENTICATED: {
    retry: 'reauth',
    log: 'no operator is logged in',
    details: () => NoDetails,
  },
  ERR_AUTH_UNKNOWN_OPERATOR: {
    retry: 'fatal',
    log: 'no operator with this user id on this machine',
    details: () => z.object({ userId: z.string() }),
  },
  ERR_AUTH_WRONG_PASSWORD: {
    retry: 'fatal',
    log: 'wrong password',
    details: () => z.object({ attemptsLeft: z.number().int().nonnegative() }),
  },
  ERR_AUTH_LOCKED: {
    retry: 'fatal',
    log: 'operator locked after too many failed logins',
    details: () => z.object({ lockedUntil: z.number().int(), minutes: z.number().int().positive() }),
  },
  ERR_AUTH_OPERATOR_INACTIVE: {
    retry: 'fatal',
    log: 'operator account is inactive',
    details: () => z.object({ userId: z.string() }),
  },
  ERR_AUTH_SESSION_EXPIRED: {
    retry: 'reauth',
    log: 'session ended after inactivity',
    details: () => z.object({ idleSeconds: z.number().int() }),
  },
  ERR_AUTH_FORBIDDEN: {
    retry: 'fatal',
    log: 'operator role does not allow this action',
    details: () => z.object({ method: z.string(), requiredRoles: z.array(z.string()) }),
  },
  ERR_AUTH_PASSWORD_WEAK: {
    retry: 'fatal',
    log: 'a new operator password breaks the password policy (electron/services/auth/passwordPolicy.ts)',
    details: () => z.object({ field: z.string(), rule: z.string() }),
  },
  ERR_DB_KEY_MISSING: {
    retry: 'fatal',
    log: 'the database exists but its wrapped key is missing',
    details: () => z.object({ path: z.string() }),
  },
  ERR_DB_KEY_INVALID: {
    retry: 'fatal',
    log: 'the database key could not be unwrapped or does not open the database',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_DB_SECRET_MISSING: {
    retry: 'fatal',
    log: 'the key is wrapped with an environment secret that is not set',
    details: () => z.object({ variable: z.string() }),
  },
  ERR_DB_SECRET_TOO_SHORT: {
    retry: 'fatal',
    log: 'the environment secret that would protect the database key is too short; nothing was created',
    details: () => z.object({ variable: z.string(), rule: z.string() }),
  },
  ERR_DB_KEYRING_UNAVAILABLE: {
    retry: 'fatal',
    log: 'the OS keyring that holds (or would hold) the data dir key does not answer; nothing was created or changed',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_DB_KEYRING_ENTRY_MISSING: {
    retry: 'fatal',
    log: "the data dir's key is wrapped by an OS keyring entry that this user's keyring does not hold",
    details: () => z.object({ path: z.string(), entry: z.string() }),
  },
  ERR_DB_KEY_STORE_INVALID: {
    retry: 'fatal',
    log: 'REGCLIENT_KEY_STORE names no known key store',
    details: () => z.object({ variable: z.string(), value: z.string(), allowed: z.string() }),
  },
  ERR_DB_NEWER_VERSION: {
    retry: 'fatal',
    log: 'the database was written by a newer version of the app',
    details: () => z.object({ found: z.number().int(), supported: z.number().int() }),
  },
  ERR_DB_CORRUPT: {
    retry: 'fatal',
    log: 'the database file is damaged',
    details: () => z.object({ path: z.string() }),
  },
  ERR_DB_MIGRATION_FAILED: {
    retry: 'fatal',
    log: 'a database migration failed; the database was left at its previous version',
    details: () => z.object({ version: z.number().int(), reason: z.string() }),
  },
  ERR_KEYSTORE_INVALID: {
    retry: 'fatal',
    log: 'the machine key store is damaged or cannot be unwrapped',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_AUDIT_CHAIN_BROKEN: {
    retry: 'fatal',
    log: 'the audit log hash chain does not verify',
    details: () => z.object({ seq: z.number().int(), reason: z.string() }),
  },
  ERR_DATA_DIR_UNUSABLE: {
    retry: 'fatal',
    log: 'the data directory cannot be created or written',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_CONFIG_INVALID: {
    retry: 'fatal',
    log: 'a configuration value is invalid',
    details: () => z.object({ key: z.string(), reason: z.string() }),
  },
  ERR_CONFIG_DEMO_IN_PRODUCTION: {
    retry: 'fatal',
    log: 'demo mode refused: a packaged (production) build never seeds the demo operators, whose passwords are published',
    details: () => z.object({ field: z.literal('--demo'), rule: z.literal('not-in-packaged-build') }),
  },
});
