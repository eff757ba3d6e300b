import { z } from 'zod';
import { AppError } from '../../../schemas/errors';
import { BackupKeysFile } from '../../../schemas/backup';
import { deriveBackupSecret, openWithBackupSecret, sealWithBackupSecret, type BackupSecret } from './backupSecret';

/** The secrets a data dir keeps wrapped in `keys/`: what a restore needs to open its copy. */
export interface DataDirKeys {
  readonly dbKey: Buffer;
  readonly auditKey: Buffer;
  /** the machine's RSA private key, PKCS#8 DER: the server knows the machine by it */
  readonly machineKeyPkcs8: Buffer;
}

/** `keys.json` in a backup folder. */
export const BACKUP_KEYS_FILE = 'keys.json';

const SealedKeys = z.object({ dbKey: z.string(), auditKey: z.string(), machineKeyPkcs8: z.string() }).strict();

/** The text of keys.json: the three keys sealed under the backup secret, never in the clear. */
export function sealBackupKeys(secret: BackupSecret, keys: DataDirKeys): string {
  const plain = Buffer.from(JSON.stringify({ dbKey: keys.dbKey.toString('base64'), auditKey: keys.auditKey.toString('base64'), machineKeyPkcs8: keys.machineKeyPkcs8.toString('base64') }));
  const file: BackupKeysFile = { format: 'regclient-backup-keys', version: 1, kdf: secret.kdf, sealed: sealWithBackupSecret(secret, plain).toString('base64') };
  return `${JSON.stringify(file)}\n`;
}

/**
 * Opens keys.json with the passphrase: the secret (to check the manifest's MAC) and the keys.
 * @throws AppError ERR_BACKUP_KEYS_INVALID (unreadable, malformed), ERR_BACKUP_WRONG_PASSPHRASE
 */
export async function openBackupKeys(text: string | undefined, path: string, passphrase: string): Promise<{ secret: BackupSecret; keys: DataDirKeys }> {
  if (text === undefined) throw new AppError('ERR_BACKUP_KEYS_INVALID', { path, reason: 'missing' });
  let file: BackupKeysFile;
  try {
    file = BackupKeysFile.parse(JSON.parse(text));
  } catch (cause) {
    throw new AppError('ERR_BACKUP_KEYS_INVALID', { path, reason: 'not a backup key file' }, { cause });
  }
  const secret = await deriveBackupSecret(passphrase, file.kdf);
  const plain = openWithBackupSecret(secret, Buffer.from(file.sealed, 'base64'));
  if (!plain) throw new AppError('ERR_BACKUP_WRONG_PASSPHRASE', { path });
  const sealed = SealedKeys.parse(JSON.parse(plain.toString('utf8')));
  return {
    secret,
    keys: { dbKey: Buffer.from(sealed.dbKey, 'base64'), auditKey: Buffer.from(sealed.auditKey, 'base64'), machineKeyPkcs8: Buffer.from(sealed.machineKeyPkcs8, 'base64') },
  };
}
