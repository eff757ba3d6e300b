import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../schemas/errors';
import type { RestoreResult } from '../../schemas/backup';
import type { SecretWrapper } from '../../native/keystore/SecretWrapper';
import type { Clock } from '../../native/time/Clock';
import { writeAuditAnchor } from '../services/audit/auditAnchor';
import { AuthService } from '../services/auth/AuthService';
import { AUDIT_ANCHOR_FILE, DB_FILE, KEY_DIR, PACKETS_DIR, openDataDir } from './openDataDir';
import { checkDbSecret, chooseWrapper } from './chooseWrapper';
import { syncDirectory } from '../services/packets/durableFile';
import { BACKUP_DB_FILE, BACKUP_PACKETS_DIR } from '../services/backup/backupLayout';
import { syncFile } from '../services/backup/backupFiles';
import { askServerFirstAfterRestore } from '../services/db/repos/outbox';
import { verifyBackup, type VerifiedBackup } from '../services/backup/verifyBackup';
import { writeDataDirKeys } from './dataDirKeys';

export interface RestoreBackupOptions {
  readonly from: string;
  /** a new data dir: absent or empty */
  readonly dataDir: string;
  readonly passphrase: string;
  /** the supervisor authorising the restore, checked against the backup's own operators */
  readonly userId: string;
  readonly password: string;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  /** the new installation's key wrapper; default as the CLI chooses (REGCLIENT_DB_SECRET or a key file) */
  readonly wrapper?: SecretWrapper;
}

/**
 * Refuses a restore target that holds anything: a restore never overwrites data.
 * @throws AppError ERR_BACKUP_TARGET_NOT_EMPTY naming what was found
 */
export function checkRestoreTarget(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  if (!statSync(dataDir).isDirectory()) throw new AppError('ERR_BACKUP_TARGET_NOT_EMPTY', { path: dataDir, found: 'a file, not a folder' });
  const found = readdirSync(dataDir);
  if (found.length > 0) throw new AppError('ERR_BACKUP_TARGET_NOT_EMPTY', { path: dataDir, found: found.slice(0, 5).join(', ') });
}

/**
 * Restores a verified backup into a new data dir: every check of verifyBackup first, then the
 * files into a hidden staging folder beside the target, the keys re-wrapped for this
 * installation, the audit chain verified with its key, the supervisor's password checked against
 * the copy's operators, the restore audited; only then is the staging folder renamed into place.
 * Any refusal removes the staging folder: the target is left as it was.
 * @throws AppError ERR_BACKUP_TARGET_NOT_EMPTY, the codes of verifyBackup, ERR_BACKUP_AUDIT_BROKEN,
 *   ERR_BACKUP_NOT_SUPERVISOR, ERR_AUTH_WRONG_PASSWORD, ERR_AUTH_LOCKED, ERR_DB_SECRET_TOO_SHORT
 */
export async function restoreBackup(o: RestoreBackupOptions): Promise<RestoreResult> {
  const dataDir = resolve(o.dataDir);
  checkRestoreTarget(dataDir);
  const verified = await verifyBackup(resolve(o.from), o.passphrase);
  const stage = join(dirname(dataDir), `.${basename(dataDir)}.restore-${process.pid}`);
  await mkdir(stage, { recursive: true, mode: 0o700 });
  try {
    await copyBackupFiles(verified, stage);
    const keyDir = join(stage, KEY_DIR);
    if (!o.wrapper) checkDbSecret(keyDir, o.env);
    await mkdir(keyDir, { mode: 0o700 });
    writeDataDirKeys(stage, o.wrapper ?? chooseWrapper(keyDir, o.env), verified.keys);
    // the anchor the copy was taken at: verify() then also refuses a copy rolled back behind it
    writeAuditAnchor(join(stage, AUDIT_ANCHOR_FILE), verified.keys.auditKey, verified.manifest.auditHead);
    const result = await checkAndRecord(o, stage, verified);
    await syncDirectory(stage);
    checkRestoreTarget(dataDir);
    // an empty target (made by the installer or a person) goes first; rmdir never removes one with entries
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(stage, dataDir);
    await syncDirectory(dirname(dataDir));
    return { ...result, dataDir };
  } catch (err) {
    await rm(stage, { recursive: true, force: true });
    throw err;
  }
}

/** Where a backup file goes in the data dir: the backup's names mapped onto the data dir's layout. */
function dataDirPath(stage: string, path: string): string {
  const parts = path.split('/');
  if (path === BACKUP_DB_FILE) return join(stage, DB_FILE);
  if (parts[0] === BACKUP_PACKETS_DIR) return join(stage, PACKETS_DIR, ...parts.slice(1));
  return join(stage, ...parts);
}

async function copyBackupFiles(verified: VerifiedBackup, stage: string): Promise<void> {
  // keys.json is not copied: its keys are re-wrapped for this installation (writeDataDirKeys)
  for (const file of verified.manifest.files.filter((f) => f.kind !== 'keys')) {
    const to = dataDirPath(stage, file.path);
    await mkdir(dirname(to), { recursive: true, mode: 0o700 });
    await copyFile(join(verified.dir, ...file.path.split('/')), to);
    await syncFile(to);
  }
}

async function checkAndRecord(o: RestoreBackupOptions, stage: string, verified: VerifiedBackup): Promise<Omit<RestoreResult, 'dataDir'>> {
  const data = openDataDir({ dataDir: stage, env: o.env, clock: o.clock, ...(o.wrapper ? { wrapper: o.wrapper } : {}) });
  try {
    const chain = data.audit.verify();
    if (!chain.ok) throw new AppError('ERR_BACKUP_AUDIT_BROKEN', { seq: chain.problem?.seq ?? 0, reason: chain.problem?.reason ?? 'unknown' });
    const actor = await new AuthService({ db: data.db, audit: data.audit, clock: data.clock }).verify(o.userId, o.password, 'restore_auth');
    if (!actor.roles.includes('REGISTRATION_SUPERVISOR')) throw new AppError('ERR_BACKUP_NOT_SUPERVISOR', { userId: actor.userId });
    const m = verified.manifest;
    data.db.transaction(() => {
      const askServerFirst = askServerFirstAfterRestore(data.db, data.clock.now());
      data.audit.append('BACKUP_RESTORED', actor.userId, { from: verified.dir, backupCreatedAt: m.createdAt, packets: m.packets, auditSeq: m.auditHead.seq, appVersion: m.appVersion, askServerFirst });
    })();
    return { from: verified.dir, packets: m.packets, auditEntries: chain.entries, restoredBy: actor.userId, backupCreatedAt: m.createdAt };
  } finally {
    data.close();
  }
}
