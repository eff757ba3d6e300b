import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../schemas/errors';
import { KeyStoreChoice } from '../../schemas/keyProtection';
import { createEnvSecretWrapper, createKeyFileWrapper, MIN_ENV_SECRET_LENGTH, type SecretWrapper } from '../../native/keystore/SecretWrapper';
import { peekWrappedFile } from '../../native/keystore/wrappedSecretFile';
import { openKeyringWrapper, osKeyring, type KeyringAccess } from './keyringAccess';
import { orPathError } from './orPathError';

export const DB_SECRET_ENV = 'REGCLIENT_DB_SECRET';
/** `keyring` or `keyfile`: how a NEW data dir's keys are protected; unset, the OS keyring where one answers */
export const KEY_STORE_ENV = 'REGCLIENT_KEY_STORE';
export const DB_KEY_FILE = 'db-key.wrapped';
export const MASTER_KEY_FILE = 'master.key';

/**
 * Refuses a REGCLIENT_DB_SECRET too short to wrap the keys, when it would be used (a new data dir,
 * or one created with it), and a REGCLIENT_KEY_STORE that names no store. openDataDir calls this
 * before it creates anything: a refused setting must not leave a half-created folder behind.
 * @throws AppError ERR_DB_SECRET_TOO_SHORT naming the variable and the rule, ERR_DB_KEY_STORE_INVALID
 */
export function checkDbSecret(keyDir: string, env: NodeJS.ProcessEnv): void {
  keyStoreChoice(env);
  const secret = env[DB_SECRET_ENV];
  const kind = peekWrappedFile(join(keyDir, DB_KEY_FILE))?.kind;
  if (!secret || (kind !== undefined && kind !== 'env')) return;
  if (secret.length < MIN_ENV_SECRET_LENGTH) {
    throw new AppError('ERR_DB_SECRET_TOO_SHORT', { variable: DB_SECRET_ENV, rule: `at least ${MIN_ENV_SECRET_LENGTH} characters (it has ${secret.length})` });
  }
}

/**
 * Picks how secrets in this data dir are wrapped when Electron's safeStorage is not there (browser
 * host, CLI). An existing data dir keeps the kind it was created with. A new one uses, in order:
 * REGCLIENT_DB_SECRET when set; the OS keyring when REGCLIENT_KEY_STORE says so, or when unset and
 * a desktop session's keyring answers; else a 0600 key file (doctor and the login screen warn).
 * @throws AppError ERR_DB_SECRET_MISSING, ERR_DB_SECRET_TOO_SHORT, ERR_DB_KEY_MISSING, ERR_DB_KEY_INVALID,
 *   ERR_DB_KEYRING_UNAVAILABLE, ERR_DB_KEYRING_ENTRY_MISSING, ERR_DB_KEY_STORE_INVALID
 */
export function chooseWrapper(keyDir: string, env: NodeJS.ProcessEnv, keyring: KeyringAccess = osKeyring): SecretWrapper {
  const wrappedKeyPath = join(keyDir, DB_KEY_FILE);
  const existing = peekWrappedFile(wrappedKeyPath);
  const secret = env[DB_SECRET_ENV];
  const masterKeyPath = join(keyDir, MASTER_KEY_FILE);
  if (existing?.kind === 'env' || (existing === undefined && secret)) {
    if (!secret) throw new AppError('ERR_DB_SECRET_MISSING', { variable: DB_SECRET_ENV });
    checkDbSecret(keyDir, env);
    return createEnvSecretWrapper(secret);
  }
  if (existing?.kind === 'keyring') {
    if (existing.ref === undefined) throw new AppError('ERR_DB_KEY_INVALID', { path: wrappedKeyPath, reason: 'the file names no OS keyring entry' });
    return openKeyringWrapper(existing.ref, wrappedKeyPath);
  }
  if (existing?.kind === 'safeStorage') {
    throw new AppError('ERR_DB_KEY_INVALID', {
      path: wrappedKeyPath,
      reason: 'the key is protected by the desktop app (OS keychain); open this data directory with the app',
    });
  }
  if (existing?.kind === 'keyfile' && !existsSync(masterKeyPath)) {
    throw new AppError('ERR_DB_KEY_MISSING', { path: masterKeyPath });
  }
  if (existing === undefined && !existsSync(masterKeyPath) && wantsKeyring(env, keyring)) {
    return openKeyringWrapper(undefined, wrappedKeyPath);
  }
  return orPathError('ERR_DB_KEY_INVALID', masterKeyPath, () => createKeyFileWrapper(masterKeyPath));
}

/**
 * REGCLIENT_KEY_STORE, checked.
 * @throws AppError ERR_DB_KEY_STORE_INVALID naming the variable, its value and the allowed ones
 */
export function keyStoreChoice(env: NodeJS.ProcessEnv): KeyStoreChoice | undefined {
  const value = env[KEY_STORE_ENV];
  if (value === undefined || value === '') return undefined;
  const parsed = KeyStoreChoice.safeParse(value);
  if (!parsed.success) throw new AppError('ERR_DB_KEY_STORE_INVALID', { variable: KEY_STORE_ENV, value, allowed: KeyStoreChoice.options.join(', ') });
  return parsed.data;
}

/**
 * A new data dir goes to the OS keyring when asked to (then a keyring that does not answer is an
 * error, not a silent key file), or, unasked, when the environment shows a desktop session and its
 * keyring answers. The session is read from `env`, not the process, so that callers that pass an
 * empty environment (tests, scripts) get the same choice on every machine.
 */
function wantsKeyring(env: NodeJS.ProcessEnv, keyring: KeyringAccess): boolean {
  const choice = keyStoreChoice(env);
  if (choice === 'keyring') return true;
  if (choice === 'keyfile') return false;
  return keyring.sessionVisible(env) && keyring.works();
}
