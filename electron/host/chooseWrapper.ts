import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../schemas/errors';
import { createEnvSecretWrapper, createKeyFileWrapper, MIN_ENV_SECRET_LENGTH, type SecretWrapper } from '../../native/keystore/SecretWrapper';

export const DB_SECRET_ENV = 'REGCLIENT_DB_SECRET';
export const DB_KEY_FILE = 'db-key.wrapped';
export const MASTER_KEY_FILE = 'master.key';

/**
 * Refuses a REGCLIENT_DB_SECRET too short to wrap the keys, when it would be used (a new data dir,
 * or one created with it). openDataDir calls this before it creates anything: a refused secret
 * must not leave a half-created folder behind.
 * @throws AppError ERR_DB_SECRET_TOO_SHORT naming the variable and the rule
 */
export function checkDbSecret(keyDir: string, env: NodeJS.ProcessEnv): void {
  const secret = env[DB_SECRET_ENV];
  const kind = readWrappedKind(join(keyDir, DB_KEY_FILE));
  if (!secret || (kind !== undefined && kind !== 'env')) return;
  if (secret.length < MIN_ENV_SECRET_LENGTH) {
    throw new AppError('ERR_DB_SECRET_TOO_SHORT', { variable: DB_SECRET_ENV, rule: `at least ${MIN_ENV_SECRET_LENGTH} characters (it has ${secret.length})` });
  }
}

/**
 * Picks how secrets in this data dir are wrapped when no OS keychain is given (browser host, CLI):
 * an existing data dir keeps the kind it was created with; a new one uses the environment secret
 * when set, else a 0600 key file.
 * @throws AppError ERR_DB_SECRET_MISSING, ERR_DB_SECRET_TOO_SHORT, ERR_DB_KEY_MISSING, ERR_DB_KEY_INVALID
 */
export function chooseWrapper(keyDir: string, env: NodeJS.ProcessEnv): SecretWrapper {
  const wrappedKeyPath = join(keyDir, DB_KEY_FILE);
  const existingKind = readWrappedKind(wrappedKeyPath);
  const secret = env[DB_SECRET_ENV];
  const masterKeyPath = join(keyDir, MASTER_KEY_FILE);
  if (existingKind === 'env' || (existingKind === undefined && secret)) {
    if (!secret) throw new AppError('ERR_DB_SECRET_MISSING', { variable: DB_SECRET_ENV });
    checkDbSecret(keyDir, env);
    return createEnvSecretWrapper(secret);
  }
  if (existingKind === 'safeStorage') {
    throw new AppError('ERR_DB_KEY_INVALID', {
      path: wrappedKeyPath,
      reason: 'the key is protected by the desktop app (OS keychain); open this data directory with the app',
    });
  }
  if (existingKind === 'keyfile' && !existsSync(masterKeyPath)) {
    throw new AppError('ERR_DB_KEY_MISSING', { path: masterKeyPath });
  }
  try {
    return createKeyFileWrapper(masterKeyPath);
  } catch (cause) {
    throw new AppError('ERR_DB_KEY_INVALID', { path: masterKeyPath, reason: (cause as Error).message }, { cause });
  }
}

function readWrappedKind(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const kind = (JSON.parse(readFileSync(path, 'utf8')) as { kind?: unknown }).kind;
    return typeof kind === 'string' ? kind : 'unknown';
  } catch {
    // A malformed file is reported precisely when the key is read (readWrappedSecret).
    return 'unknown';
  }
}
