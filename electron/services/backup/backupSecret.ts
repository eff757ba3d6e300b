import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../schemas/errors';
import { BackupKdf } from '../../../schemas/backup';

/** The shortest backup passphrase accepted: it is the only thing between a lost USB stick and the data. */
export const MIN_BACKUP_PASSPHRASE_LENGTH = 12;

/** scrypt cost for a new backup: ~0.1 s here, paid once per backup and once per restore. */
const DEFAULT_KDF_COST = { N: 1 << 15, r: 8, p: 1 } as const;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/**
 * The key a supervisor's passphrase gives a backup, and the scrypt parameters it came from. Two
 * subkeys come from it (HKDF): one seals the data dir's keys, one MACs the manifest, so neither
 * use can be turned against the other.
 */
export interface BackupSecret {
  readonly kdf: BackupKdf;
  readonly sealKey: Buffer;
  readonly macKey: Buffer;
}

/**
 * Checks a new passphrase before anything is derived or written.
 * @throws AppError ERR_BACKUP_PASSPHRASE_WEAK naming the rule
 */
export function checkBackupPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_BACKUP_PASSPHRASE_LENGTH) {
    throw new AppError('ERR_BACKUP_PASSPHRASE_WEAK', { rule: `at least ${MIN_BACKUP_PASSPHRASE_LENGTH} characters` });
  }
}

/** Derives the backup secret: with `kdf` from a backup's keys.json (restore), else a fresh random salt. */
export async function deriveBackupSecret(passphrase: string, kdf?: BackupKdf): Promise<BackupSecret> {
  const params: BackupKdf = kdf ?? { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...DEFAULT_KDF_COST };
  const master = await new Promise<Buffer>((resolvePromise, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolvePromise(key)));
  });
  const sub = (info: string): Buffer => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `regclient-backup/v1/${info}`, 32));
  return { kdf: params, sealKey: sub('seal'), macKey: sub('manifest-mac') };
}

/** AES-256-GCM under the seal key: iv(12) ‖ tag(16) ‖ ciphertext. */
export function sealWithBackupSecret(secret: BackupSecret, plain: Buffer): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', secret.sealKey, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** @returns the plain bytes, or `undefined` when the tag does not verify (wrong passphrase or altered bytes) */
export function openWithBackupSecret(secret: BackupSecret, sealed: Buffer): Buffer | undefined {
  if (sealed.length < IV_LENGTH + TAG_LENGTH) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret.sealKey, sealed.subarray(0, IV_LENGTH));
    decipher.setAuthTag(sealed.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
    return Buffer.concat([decipher.update(sealed.subarray(IV_LENGTH + TAG_LENGTH)), decipher.final()]);
  } catch {
    // GCM's only failure here is the tag: the caller names it (ERR_BACKUP_WRONG_PASSPHRASE)
    return undefined;
  }
}

const StoredSecret = z.object({ kdf: BackupKdf, sealKey: z.string(), macKey: z.string() }).strict();

/** The derived keys as bytes to wrap at rest (scheduled backups run with nobody to type the passphrase). */
export function serializeBackupSecret(secret: BackupSecret): Buffer {
  return Buffer.from(JSON.stringify({ kdf: secret.kdf, sealKey: secret.sealKey.toString('base64'), macKey: secret.macKey.toString('base64') }));
}

/** @throws ZodError / SyntaxError when the bytes are not a stored secret (a bug or a damaged file) */
export function parseBackupSecret(bytes: Buffer): BackupSecret {
  const s = StoredSecret.parse(JSON.parse(bytes.toString('utf8')));
  return { kdf: s.kdf, sealKey: Buffer.from(s.sealKey, 'base64'), macKey: Buffer.from(s.macKey, 'base64') };
}
