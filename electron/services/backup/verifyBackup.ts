import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../schemas/errors';
import type { BackupFile, BackupManifest } from '../../../schemas/backup';
import { BACKUP_DB_FILE as DB_FILE, BACKUP_PACKETS_DIR as PACKETS_DIR } from './backupLayout';
import { hashFile } from './backupFiles';
import { BACKUP_KEYS_FILE, openBackupKeys } from './backupKeysFile';
import { BACKUP_MANIFEST_FILE, checkManifestMac, parseManifest } from './backupManifest';
import { integrityProblem, openSnapshot, readSnapshotFacts } from './backupSnapshot';
import type { DataDirKeys } from './backupKeysFile';

/** A backup folder whose every byte was checked: what a restore may copy. */
export interface VerifiedBackup {
  readonly dir: string;
  readonly manifest: BackupManifest;
  readonly keys: DataDirKeys;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Checks a backup folder before anything is restored from it, in this order, each failure its own
 * code: the manifest's shape; the passphrase (it opens keys.json); the manifest's MAC; each file's
 * presence, size and SHA-256; the database copy opens with its key and passes integrity_check; its
 * packet rows match the packet files (hash recorded at build time) and its audit head the manifest.
 * @throws AppError ERR_BACKUP_NOT_A_BACKUP, ERR_BACKUP_MANIFEST_INVALID, ERR_BACKUP_KEYS_INVALID,
 *   ERR_BACKUP_WRONG_PASSPHRASE, ERR_BACKUP_FILE_MISSING, ERR_BACKUP_DB_CORRUPT,
 *   ERR_BACKUP_PACKET_CORRUPT, ERR_BACKUP_FILE_CORRUPT
 */
export async function verifyBackup(dir: string, passphrase: string): Promise<VerifiedBackup> {
  const manifestPath = join(dir, BACKUP_MANIFEST_FILE);
  const text = await readIfPresent(manifestPath);
  if (text === undefined) throw new AppError('ERR_BACKUP_NOT_A_BACKUP', { path: dir });
  const manifest = parseManifest(text, manifestPath);
  const { secret, keys } = await openBackupKeys(await readIfPresent(join(dir, BACKUP_KEYS_FILE)), join(dir, BACKUP_KEYS_FILE), passphrase);
  checkManifestMac(secret, manifest, manifestPath);
  for (const file of manifest.files) await checkFile(dir, file);
  checkDatabase(dir, manifest, keys);
  return { dir, manifest, keys };
}

async function checkFile(dir: string, file: BackupFile): Promise<void> {
  let actual: { size: number; sha256: string };
  try {
    actual = await hashFile(join(dir, ...file.path.split('/')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('ERR_BACKUP_FILE_MISSING', { file: file.path }, { cause: err });
    throw err;
  }
  if (actual.size === file.size && actual.sha256 === file.sha256) return;
  const reason = actual.size === file.size ? 'its SHA-256 differs from the manifest' : `${actual.size} bytes where the manifest lists ${file.size}`;
  switch (file.kind) {
    case 'database':
      throw new AppError('ERR_BACKUP_DB_CORRUPT', { file: file.path, reason });
    case 'packet':
      throw new AppError('ERR_BACKUP_PACKET_CORRUPT', { file: file.path, reason });
    case 'keys':
    case 'config':
      throw new AppError('ERR_BACKUP_FILE_CORRUPT', { file: file.path });
    default: {
      const unreachable: never = file.kind;
      throw new TypeError(`checkFile: unknown file kind ${String(unreachable)}`);
    }
  }
}

/** The copy opens, is intact, and agrees with the manifest about its packets and its audit head. */
function checkDatabase(dir: string, manifest: BackupManifest, keys: DataDirKeys): void {
  const dbEntry = manifest.files.find((f) => f.kind === 'database' && f.path === DB_FILE);
  if (!dbEntry) throw new AppError('ERR_BACKUP_MANIFEST_INVALID', { path: join(dir, BACKUP_MANIFEST_FILE), reason: `no ${DB_FILE} entry` });
  let db;
  try {
    db = openSnapshot(join(dir, DB_FILE), keys.dbKey);
  } catch (cause) {
    throw new AppError('ERR_BACKUP_DB_CORRUPT', { file: DB_FILE, reason: `it does not open with its key (${(cause as { code?: string }).code ?? (cause as Error).message})` }, { cause });
  }
  try {
    const problem = integrityProblem(db);
    if (problem) throw new AppError('ERR_BACKUP_DB_CORRUPT', { file: DB_FILE, reason: problem });
    const facts = readSnapshotFacts(db);
    if (facts.auditHead.seq !== manifest.auditHead.seq || facts.auditHead.hash !== manifest.auditHead.hash) {
      throw new AppError('ERR_BACKUP_DB_CORRUPT', { file: DB_FILE, reason: `its audit head (entry ${facts.auditHead.seq}) is not the manifest's (entry ${manifest.auditHead.seq})` });
    }
    const listed = new Map(manifest.files.filter((f) => f.kind === 'packet').map((f) => [f.path, f]));
    const missingAtBackup = new Set(manifest.missingPackets);
    for (const packet of facts.packets) {
      const path = `${PACKETS_DIR}/${packet.fileName}`;
      const entry = listed.get(path);
      // already gone when the backup was taken: restored as the old machine had it (the sync parks it)
      if (!entry && missingAtBackup.has(path)) continue;
      if (!entry) throw new AppError('ERR_BACKUP_FILE_MISSING', { file: path });
      if (entry.sha256 !== packet.sha256.toLowerCase()) throw new AppError('ERR_BACKUP_PACKET_CORRUPT', { file: path, reason: 'it differs from the hash recorded when the packet was built' });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('ERR_BACKUP_DB_CORRUPT', { file: DB_FILE, reason: (err as { code?: string }).code ?? (err as Error).message }, { cause: err });
  } finally {
    db.close();
  }
}
