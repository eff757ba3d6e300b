import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../schemas/errors';
import { BackupManifest } from '../../../schemas/backup';
import type { BackupSecret } from './backupSecret';

/** `manifest.json`: written last, so a folder without it is a backup that never finished. */
export const BACKUP_MANIFEST_FILE = 'manifest.json';

/** JSON with object keys sorted at every level: the MAC must not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function macOf(secret: BackupSecret, body: Omit<BackupManifest, 'mac'>): string {
  return createHmac('sha256', secret.macKey).update(canonicalJson(body)).digest('hex');
}

/** The manifest text, sealed with the backup secret's MAC key. */
export function sealManifest(secret: BackupSecret, body: Omit<BackupManifest, 'mac'>): string {
  const manifest: BackupManifest = { ...body, mac: macOf(secret, body) };
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

/**
 * Reads manifest.json's shape without any key: a truncated or malformed manifest is refused before
 * a passphrase is asked for.
 * @throws AppError ERR_BACKUP_MANIFEST_INVALID naming the first broken rule
 */
export function parseManifest(text: string, path: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError('ERR_BACKUP_MANIFEST_INVALID', { path, reason: 'not complete JSON (truncated?)' }, { cause });
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('ERR_BACKUP_MANIFEST_INVALID', { path, reason: `${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'}` });
  }
  return parsed.data;
}

/**
 * Checks the manifest's MAC under the secret the passphrase gave: a manifest rewritten to match
 * altered files (or copied from another backup) is refused.
 * @throws AppError ERR_BACKUP_MANIFEST_INVALID
 */
export function checkManifestMac(secret: BackupSecret, manifest: BackupManifest, path: string): void {
  const { mac, ...body } = manifest;
  const expected = Buffer.from(macOf(secret, body), 'hex');
  const given = Buffer.from(mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('ERR_BACKUP_MANIFEST_INVALID', { path, reason: 'not sealed by this backup\'s passphrase: it was altered or comes from another backup' });
  }
}
