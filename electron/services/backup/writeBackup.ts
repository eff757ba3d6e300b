import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../../../schemas/errors';
import type { BackupFile, BackupResult } from '../../../schemas/backup';
import type { MachineIdentity } from '../../../schemas/machine';
import type { Clock } from '../../../native/time/Clock';
import type { DB } from '../db/Database';
import { BACKUP_CONFIG_DIRS, BACKUP_DB_FILE as DB_FILE, BACKUP_PACKETS_DIR as PACKETS_DIR } from './backupLayout';
import { syncDirectory } from '../packets/durableFile';
import { copyDurably, hashFile, syncFile } from './backupFiles';
import { BACKUP_KEYS_FILE, sealBackupKeys } from './backupKeysFile';
import { BACKUP_MANIFEST_FILE, sealManifest } from './backupManifest';
import type { BackupSecret } from './backupSecret';
import { openSnapshot, readSnapshotFacts, snapshotDatabase, type SnapshotFacts } from './backupSnapshot';
import type { DataDirKeys } from './backupKeysFile';

export interface WriteBackupOptions {
  readonly db: DB;
  /** the data dir: its config folders (BACKUP_CONFIG_DIRS) are copied as they are */
  readonly dataDir: string;
  /** where the packet files the database lists are (`<dataDir>/packets`) */
  readonly packetsDir: string;
  readonly keys: DataDirKeys;
  readonly secret: BackupSecret;
  readonly identity: MachineIdentity;
  readonly clock: Clock;
  readonly appVersion: string;
  /** an existing folder (a second disk, a USB stick): the backup goes into a new dated folder inside it */
  readonly toDir: string;
  /** takes the database snapshot into `target`; default VACUUM INTO on `db` itself (the CLI: nothing else runs) */
  readonly snapshot?: (target: string) => Promise<void>;
}

/**
 * Writes one backup: a database snapshot (still encrypted with its own key), every packet file
 * its rows expect, the config folders, the keys sealed under the passphrase (keys.json), and a
 * MAC-sealed manifest with each file's size and SHA-256. Everything goes into a hidden `.partial`
 * folder, is fsynced, and only then renamed into place: an interrupted backup is never a folder
 * with a manifest, so it can never be taken for a good one.
 * @throws AppError ERR_BACKUP_WRITE_FAILED, ERR_BACKUP_PACKET_CORRUPT
 */
export async function writeBackup(o: WriteBackupOptions): Promise<BackupResult> {
  const createdAt = o.clock.now();
  const name = backupFolderName(o.toDir, o.identity.machineId, createdAt);
  const partial = join(o.toDir, `.${name}.partial`);
  const final = join(o.toDir, name);
  try {
    await mkdir(join(partial, PACKETS_DIR), { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw new AppError('ERR_BACKUP_WRITE_FAILED', { path: o.toDir, reason: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message }, { cause });
  }
  try {
    const { files, facts, missingPackets } = await writeContents(o, partial);
    const machine = { centreId: o.identity.centreId, machineId: o.identity.machineId, keyIndex: o.identity.keyIndex };
    const body = { format: 'regclient-backup', version: 1, createdAt, appVersion: o.appVersion, schemaVersion: facts.schemaVersion, machine, auditHead: facts.auditHead, packets: facts.packets.length, files, missingPackets } as const;
    await writeFile(join(partial, BACKUP_MANIFEST_FILE), sealManifest(o.secret, body), { mode: 0o600 });
    await syncFile(join(partial, BACKUP_MANIFEST_FILE));
    await syncDirectory(join(partial, PACKETS_DIR));
    await syncDirectory(partial);
    await rename(partial, final);
    await syncDirectory(o.toDir);
    return { dir: final, createdAt, packets: facts.packets.length, bytes: files.reduce((n, f) => n + f.size, 0), auditHead: facts.auditHead, missingPackets };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    if (isAppError(err)) throw err;
    throw new AppError('ERR_BACKUP_WRITE_FAILED', { path: o.toDir, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, { cause: err });
  }
}

/** `regclient-backup-<machine>-<UTC time>`, with a suffix when two backups fall in the same second. */
function backupFolderName(toDir: string, machineId: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = `regclient-backup-${machineId}-${stamp}`;
  let name = base;
  for (let i = 1; existsSync(join(toDir, name)) || existsSync(join(toDir, `.${name}.partial`)); i++) name = `${base}-${i}`;
  return name;
}

async function writeContents(o: WriteBackupOptions, partial: string): Promise<{ files: BackupFile[]; facts: SnapshotFacts; missingPackets: string[] }> {
  // 1. the database first: the packet files to copy are those ITS rows expect. A build still
  //    running has placed no row yet, so its file is not copied, and no copied row lacks a file.
  const dbCopy = join(partial, DB_FILE);
  if (o.snapshot) await o.snapshot(dbCopy);
  else snapshotDatabase(o.db, dbCopy);
  const snapshot = openSnapshot(dbCopy, o.keys.dbKey);
  let facts: SnapshotFacts;
  try {
    facts = readSnapshotFacts(snapshot);
  } finally {
    snapshot.close();
  }
  await syncFile(dbCopy);
  const files: BackupFile[] = [{ path: DB_FILE, kind: 'database', ...(await hashFile(dbCopy)) }];
  // 2. every packet file, checked against its row as it is copied
  const missingPackets: string[] = [];
  for (const packet of facts.packets) {
    const copied = await copyPacket(join(o.packetsDir, packet.fileName), join(partial, PACKETS_DIR, packet.fileName));
    if (copied === undefined) {
      missingPackets.push(`${PACKETS_DIR}/${packet.fileName}`);
      continue;
    }
    if (copied.sha256 !== packet.sha256.toLowerCase()) {
      throw new AppError('ERR_BACKUP_PACKET_CORRUPT', { file: `${PACKETS_DIR}/${packet.fileName}`, reason: 'the file on this machine no longer matches the hash recorded when it was built' });
    }
    files.push({ path: `${PACKETS_DIR}/${packet.fileName}`, kind: 'packet', ...copied });
  }
  // 3. config folders, 4. the keys, sealed under the passphrase
  files.push(...(await copyConfigDirs(o.dataDir, partial)));
  await writeFile(join(partial, BACKUP_KEYS_FILE), sealBackupKeys(o.secret, o.keys), { mode: 0o600 });
  await syncFile(join(partial, BACKUP_KEYS_FILE));
  files.push({ path: BACKUP_KEYS_FILE, kind: 'keys', ...(await hashFile(join(partial, BACKUP_KEYS_FILE))) });
  return { files, facts, missingPackets };
}

/**
 * `undefined` when the file is not there: already lost on this machine (its packet is parked), or
 * deleted by retention after the snapshot. Either way the backup goes on; a file that cannot be
 * backed up must not stop every other one from being backed up.
 */
async function copyPacket(from: string, to: string): Promise<{ size: number; sha256: string } | undefined> {
  try {
    return await copyDurably(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function copyConfigDirs(dataDir: string, partial: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const dir of BACKUP_CONFIG_DIRS) {
    let names: string[];
    try {
      names = (await readdir(join(dataDir, dir), { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (names.length === 0) continue;
    await mkdir(join(partial, dir), { mode: 0o700 });
    for (const name of names.sort()) files.push({ path: `${dir}/${name}`, kind: 'config', ...(await copyDurably(join(dataDir, dir, name), join(partial, dir, name))) });
    await syncDirectory(join(partial, dir));
  }
  return files;
}
