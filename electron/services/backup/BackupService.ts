import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, isAppError, toErrorCode } from '../../../schemas/errors';
import { BackupScheduleInput, DEFAULT_BACKUP_CRON, type BackupResult, type BackupStatus } from '../../../schemas/backup';
import type { MachineIdentity } from '../../../schemas/machine';
import type { SecretWrapper } from '../../../native/keystore/SecretWrapper';
import { readWrappedSecret, writeWrappedSecret } from '../../../native/keystore/wrappedSecretFile';
import type { Clock, Disposable } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { getMeta, setMeta } from '../db/repos/meta';
import { createLogger, toLogFormat } from '../log/createLogger';
import { nextQuartzRun, normaliseQuartz } from '../sync/quartzCron';
import type { DataDirKeys } from './backupKeysFile';
import { deriveBackupSecret, parseBackupSecret, serializeBackupSecret, type BackupSecret } from './backupSecret';
import { defaultSnapshotWorker, snapshotInWorker } from './snapshotInWorker';
import { writeBackup } from './writeBackup';

const SCHEDULE_KEY = 'backup.schedule';
const LAST_RUN_KEY = 'backup.lastRun';
const log = createLogger('backup');

export interface BackupServiceOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly packetsDir: string;
  readonly identity: MachineIdentity;
  readonly appVersion: string;
  /** the data dir's keys, unwrapped when a backup runs */
  readonly keys: () => DataDirKeys;
  /** wraps the key derived from the passphrase at rest: the data dir's own wrapper */
  readonly wrapper: SecretWrapper;
  /** where that wrapped key lives (`<dataDir>/keys/backup-secret.wrapped`) */
  readonly secretPath: string;
  /** zone the cron is read in (default UTC, as the sync jobs) */
  readonly timeZone?: string;
  /** the live database file: the snapshot is taken from it on a worker thread */
  readonly dbPath: string;
  /** the snapshot worker's entry; default the .ts one under tsx, the Electron build passes its .cjs */
  readonly snapshotWorkerEntry?: URL;
  readonly onDidChange?: (status: BackupStatus) => void;
}

interface Schedule {
  readonly dir: string | null;
  readonly cron: string;
}
interface LastRun {
  readonly at: number;
  readonly ok: boolean;
  readonly errorCode: string | null;
  readonly dir: string | null;
  readonly packets: number | null;
}

/**
 * Scheduled backups to a folder a supervisor chose (a second disk, a USB stick), on a Quartz cron
 * read with the injected clock. The passphrase is asked once, when the schedule is set; the key
 * derived from it is kept wrapped like the database key, so the backup folder alone still decrypts
 * nothing. Every change and every run is audited; the last run's time and outcome are kept and
 * broadcast. A run never throws for its own failure: a USB stick left at home is recorded.
 */
export class BackupService {
  readonly #o: BackupServiceOptions;
  #timer: Disposable | undefined;
  #next: number | null = null;
  #running: Promise<BackupStatus> | undefined;
  #started = false;

  constructor(options: BackupServiceOptions) {
    this.#o = options;
  }

  status(): BackupStatus {
    const s = this.#schedule();
    const last = this.#lastRun();
    return {
      dir: s.dir, cron: s.cron, hasPassphrase: this.#hasSecret(),
      lastRunAt: last?.at ?? null, lastOk: last?.ok ?? null, lastErrorCode: last?.errorCode ? toErrorCode(last.errorCode) : null, lastBackupDir: last?.ok ? last.dir : null, lastPackets: last?.packets ?? null,
      nextRunAt: this.#next, running: this.#running !== undefined,
    };
  }

  /**
   * Sets (or, with `dir: null`, stops) the schedule. Checked before anything is saved: the folder
   * exists and is writable, the cron is one Quartz accepts, a passphrase is given when none is kept.
   * @throws AppError ERR_BACKUP_WRITE_FAILED, ERR_SYNC_CRON_INVALID, ERR_BACKUP_PASSPHRASE_WEAK, ERR_BACKUP_NOT_CONFIGURED
   */
  async configure(input: BackupScheduleInput, actor: string): Promise<BackupStatus> {
    const next = BackupScheduleInput.parse(input);
    normaliseQuartz(next.cron);
    const dir = next.dir === null ? null : checkFolder(resolve(next.dir));
    if (dir !== null && next.passphrase === undefined && !this.#hasSecret()) throw new AppError('ERR_BACKUP_NOT_CONFIGURED', { what: 'the backup passphrase' });
    if (next.passphrase !== undefined) {
      const secret = await deriveBackupSecret(next.passphrase);
      writeWrappedSecret(this.#o.secretPath, this.#o.wrapper, serializeBackupSecret(secret));
    }
    this.#o.db.transaction(() => {
      setMeta(this.#o.db, SCHEDULE_KEY, JSON.stringify({ dir, cron: next.cron }));
      this.#o.audit.append('BACKUP_SCHEDULE_CHANGED', actor, { dir, cron: next.cron, passphraseChanged: next.passphrase !== undefined });
    })();
    if (this.#started) this.#arm();
    return this.#changed();
  }

  /** Runs a backup now (or joins the one running); records and audits the outcome; never throws for it. */
  runNow(actor: string | null): Promise<BackupStatus> {
    this.#running ??= this.#run(actor);
    this.#o.onDidChange?.(this.status());
    return this.#running;
  }

  start(): Disposable {
    this.#started = true;
    this.#arm();
    return { dispose: () => this.#stop() };
  }

  async #run(actor: string | null): Promise<BackupStatus> {
    const at = this.#o.clock.now();
    const { dir } = this.#schedule();
    try {
      const result = await this.#write(dir);
      this.#record({ at, ok: true, errorCode: null, dir: result.dir, packets: result.packets });
      this.#o.audit.append('BACKUP_WRITTEN', actor, { dir: result.dir, packets: result.packets, auditSeq: result.auditHead.seq, scheduled: actor === null });
    } catch (err) {
      // a bug is recorded as one too: a scheduled run has nobody to throw to
      const code = isAppError(err) ? err.code : 'ERR_INTERNAL';
      if (!isAppError(err)) log.error('backup run failed', { error: toLogFormat(err) });
      this.#record({ at, ok: false, errorCode: code, dir, packets: null });
      this.#o.audit.append('BACKUP_FAILED', actor, { dir, code, scheduled: actor === null });
    } finally {
      this.#running = undefined;
    }
    if (this.#started) this.#arm();
    return this.#changed();
  }

  async #write(dir: string | null): Promise<BackupResult> {
    if (dir === null) throw new AppError('ERR_BACKUP_NOT_CONFIGURED', { what: 'the backup folder' });
    const secret = this.#secret();
    checkFolder(dir);
    const o = this.#o;
    const keys = o.keys();
    const snapshot = (target: string) => snapshotInWorker(o.snapshotWorkerEntry ?? defaultSnapshotWorker(), { dbPath: o.dbPath, keyHex: keys.dbKey.toString('hex'), target });
    return writeBackup({ db: o.db, dataDir: o.dataDir, packetsDir: o.packetsDir, keys, secret, identity: o.identity, clock: o.clock, appVersion: o.appVersion, toDir: dir, snapshot });
  }

  #arm(): void {
    this.#timer?.dispose();
    this.#timer = undefined;
    this.#next = null;
    const s = this.#schedule();
    if (s.dir === null) return;
    const now = this.#o.clock.now();
    // the first fire time after the last run: one missed while the machine was off runs now
    const due = nextQuartzRun(normaliseQuartz(s.cron), this.#lastRun()?.at ?? now, this.#o.timeZone);
    if (due === null) return;
    this.#next = Math.max(now, due);
    this.#timer = this.#o.clock.setTimeout(() => void this.runNow(null), this.#next - now);
  }

  #stop(): void {
    this.#started = false;
    this.#timer?.dispose();
    this.#timer = undefined;
    this.#next = null;
  }

  #changed(): BackupStatus {
    const status = this.status();
    this.#o.onDidChange?.(status);
    return status;
  }

  #schedule(): Schedule {
    const raw = getMeta(this.#o.db, SCHEDULE_KEY);
    return raw === undefined ? { dir: null, cron: DEFAULT_BACKUP_CRON } : (JSON.parse(raw) as Schedule);
  }

  #lastRun(): LastRun | undefined {
    const raw = getMeta(this.#o.db, LAST_RUN_KEY);
    return raw === undefined ? undefined : (JSON.parse(raw) as LastRun);
  }

  #record(run: LastRun): void {
    setMeta(this.#o.db, LAST_RUN_KEY, JSON.stringify(run));
  }

  #hasSecret(): boolean {
    try {
      statSync(this.#o.secretPath);
      return true;
    } catch {
      // absent: no passphrase was set yet
      return false;
    }
  }

  /** @throws AppError ERR_BACKUP_NOT_CONFIGURED when no passphrase was set or its key no longer unwraps */
  #secret(): BackupSecret {
    try {
      return parseBackupSecret(readWrappedSecret(this.#o.secretPath, this.#o.wrapper));
    } catch (cause) {
      throw new AppError('ERR_BACKUP_NOT_CONFIGURED', { what: 'the backup passphrase' }, { cause });
    }
  }
}

/**
 * An existing, writable folder: a backup target is mounted, never created (a missing USB stick
 * must not turn into a folder on the internal disk).
 * @throws AppError ERR_BACKUP_WRITE_FAILED naming the folder and the reason
 */
function checkFolder(dir: string): string {
  try {
    if (!statSync(dir).isDirectory()) throw new AppError('ERR_BACKUP_WRITE_FAILED', { path: dir, reason: 'not a folder' });
    accessSync(dir, constants.W_OK | constants.X_OK);
    return dir;
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    throw new AppError('ERR_BACKUP_WRITE_FAILED', { path: dir, reason: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message }, { cause });
  }
}
