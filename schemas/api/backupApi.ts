import { BackupScheduleInput, BackupStatus } from '../backup';
import { Empty } from './coreApi';
import { method } from './defineApi';

const SUPERVISOR = ['REGISTRATION_SUPERVISOR'] as const;

/** Scheduled backups (issue 17 item 6): supervisors only; restore is the CLI's, onto a fresh install. */
export const backupApi = {
  /** where and when backups go, and how the last one went */
  'backup.status': method({ input: Empty, output: BackupStatus, access: SUPERVISOR }),
  /** sets the folder, the cron and (first time, or to change it) the passphrase; `dir: null` stops them */
  'backup.configure': method({ input: BackupScheduleInput, output: BackupStatus, access: SUPERVISOR }),
  /** a backup now, to the configured folder; the result is in the returned status */
  'backup.runNow': method({ input: Empty, output: BackupStatus, access: SUPERVISOR }),
} as const;

export const backupEvents = {
  'backup.onDidChange': BackupStatus,
} as const;
