import { existsSync, readdirSync, unlinkSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../schemas/errors';
import type { KeyProtection } from '../../schemas/keyProtection';
import { createEnvSecretWrapper, createKeyFileWrapper, type SecretWrapper } from '../../native/keystore/SecretWrapper';
import { peekWrappedFile, readWrappedSecret, writeWrappedSecret } from '../../native/keystore/wrappedSecretFile';
import { DB_SECRET_ENV, MASTER_KEY_FILE } from './chooseWrapper';
import { openKeyringWrapper } from './keyringAccess';
import { orPathError } from './orPathError';

export interface RewrapResult {
  readonly from: readonly KeyProtection[];
  readonly to: 'keyring';
  /** the wrapped files now under the keyring entry */
  readonly files: readonly string[];
  /** whether the plain key file beside them was deleted */
  readonly removedKeyFile: boolean;
}

/**
 * Moves every wrapped secret in a data dir's key folder (database key, audit key, machine key)
 * under a new OS keyring entry, then deletes the plain key file. Each file is rewritten atomically
 * and unwrapped with the wrapper its own header names, so a run that was cut off (some files moved,
 * some not) is finished by running it again, and the key file goes only when no file needs it.
 * @throws AppError ERR_DB_KEYRING_UNAVAILABLE, ERR_DB_KEYRING_ENTRY_MISSING, ERR_DB_KEY_INVALID, ERR_DB_SECRET_MISSING
 */
export function rewrapKeysToKeyring(keyDir: string, env: NodeJS.ProcessEnv): RewrapResult {
  const files = readdirSync(keyDir).filter((f) => f.endsWith('.wrapped')).sort();
  const headers = files.map((file) => ({ file, path: join(keyDir, file), header: peekWrappedFile(join(keyDir, file)) }));
  const resumed = headers.find((h) => h.header?.kind === 'keyring' && h.header.ref !== undefined)?.header?.ref;
  const target = openKeyringWrapper(resumed, keyDir);
  const sources = new Map<string, SecretWrapper>();
  const from = new Set<KeyProtection>();
  for (const { path, header } of headers) {
    if (header?.kind === 'keyring' && header.ref === target.ref) continue;
    const source = sourceWrapper(keyDir, path, header, env, sources);
    from.add(source.kind);
    writeWrappedSecret(path, target, readWrapped(path, source));
  }
  fsyncDir(keyDir);
  const masterKeyPath = join(keyDir, MASTER_KEY_FILE);
  const removedKeyFile = existsSync(masterKeyPath);
  if (removedKeyFile) {
    unlinkSync(masterKeyPath);
    fsyncDir(keyDir);
  }
  return { from: [...from], to: 'keyring', files, removedKeyFile };
}

function sourceWrapper(keyDir: string, path: string, header: Readonly<{ kind: string; ref?: string }> | undefined, env: NodeJS.ProcessEnv, cache: Map<string, SecretWrapper>): SecretWrapper {
  const key = `${header?.kind}:${header?.ref ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let wrapper: SecretWrapper;
  if (header?.kind === 'keyfile') wrapper = keyFileWrapper(join(keyDir, MASTER_KEY_FILE));
  else if (header?.kind === 'env') {
    const secret = env[DB_SECRET_ENV];
    if (!secret) throw new AppError('ERR_DB_SECRET_MISSING', { variable: DB_SECRET_ENV });
    wrapper = createEnvSecretWrapper(secret);
  } else if (header?.kind === 'keyring' && header.ref !== undefined) wrapper = openKeyringWrapper(header.ref, path);
  else throw new AppError('ERR_DB_KEY_INVALID', { path, reason: `its keys are wrapped by ${header?.kind ?? 'nothing readable'}, which this command cannot move` });
  cache.set(key, wrapper);
  return wrapper;
}

function keyFileWrapper(path: string): SecretWrapper {
  if (!existsSync(path)) throw new AppError('ERR_DB_KEY_MISSING', { path });
  return orPathError('ERR_DB_KEY_INVALID', path, () => createKeyFileWrapper(path));
}

function readWrapped(path: string, wrapper: SecretWrapper): Buffer {
  return orPathError('ERR_DB_KEY_INVALID', path, () => readWrappedSecret(path, wrapper));
}

/** A rename is durable only once its directory is synced. */
function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
