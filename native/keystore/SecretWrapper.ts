import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, mkdirSync, chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyProtection } from '../../schemas/keyProtection';

/**
 * Wraps small secrets (the database key, the machine private key) with a key-encryption key the
 * app does not keep beside them: Electron `safeStorage` (OS keychain/DPAPI/libsecret), a key file
 * readable by the owner only, or a secret from the environment.
 */
export interface SecretWrapper {
  readonly kind: WrapperKind;
  /** the OS keyring entry holding the key-encryption key (kind `keyring` only), written beside the wrapped data */
  readonly ref?: string;
  wrap(plain: Buffer): Buffer;
  /** @throws Error when the data was not wrapped by this wrapper's key (auth tag mismatch) */
  unwrap(wrapped: Buffer): Buffer;
}

export type WrapperKind = KeyProtection;

const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/** AES-256-GCM: iv(12) ‖ tag(16) ‖ ciphertext. */
export function sealWithKey(kek: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openWithKey(kek: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < IV_LENGTH + TAG_LENGTH) throw new Error('wrapped secret is truncated');
  const decipher = createDecipheriv('aes-256-gcm', kek, sealed.subarray(0, IV_LENGTH));
  decipher.setAuthTag(sealed.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
  return Buffer.concat([decipher.update(sealed.subarray(IV_LENGTH + TAG_LENGTH)), decipher.final()]);
}

/**
 * Key-file wrapper: a random 32-byte key in `path`, created with mode 0600 on first use.
 * @throws Error when the key file exists with permissions wider than 0600 or the wrong size
 */
export function createKeyFileWrapper(path: string): SecretWrapper {
  let kek: Buffer;
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new Error(`key file ${path} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
    }
    kek = readFileSync(path);
    if (kek.length !== 32) throw new Error(`key file ${path} must hold 32 bytes, found ${kek.length}`);
  } else {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    kek = randomBytes(32);
    writeFileSync(path, kek, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  return { kind: 'keyfile', wrap: (plain) => sealWithKey(kek, plain), unwrap: (wrapped) => openWithKey(kek, wrapped) };
}

/** Fixed, public salt: the secret itself must carry the entropy; scrypt only slows guessing. */
const ENV_SALT = Buffer.from('regclient/env-secret-wrapper/v1');

/** The shortest environment secret accepted (callers check it first and name their variable). */
export const MIN_ENV_SECRET_LENGTH = 16;

/** Environment-secret wrapper: the KEK is scrypt(secret). */
export function createEnvSecretWrapper(secret: string): SecretWrapper {
  if (secret.length < MIN_ENV_SECRET_LENGTH) throw new TypeError('createEnvSecretWrapper: the secret must be at least 16 characters');
  const kek = scryptSync(secret, ENV_SALT, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return { kind: 'env', wrap: (plain) => sealWithKey(kek, plain), unwrap: (wrapped) => openWithKey(kek, wrapped) };
}
