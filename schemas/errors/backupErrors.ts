import { z } from 'zod';
import { defineErrors, NoDetails } from './defineErrors';

/**
 * Errors of backup and restore (issue 17 item 6). A restore refuses a backup for one reason at a
 * time, each its own code, so a supervisor knows whether to retype the passphrase, fetch another
 * copy, or call support.
 */
export const backupErrors = defineErrors({
  ERR_BACKUP_PASSPHRASE_WEAK: {
    retry: 'fatal',
    log: 'the backup passphrase does not meet the rule; nothing was written',
    details: () => z.object({ rule: z.string() }),
  },
  ERR_BACKUP_PASSPHRASES_DIFFER: {
    retry: 'fatal',
    log: 'the backup passphrase and its repetition differ; nothing was written',
    details: () => NoDetails,
  },
  ERR_BACKUP_WRITE_FAILED: {
    retry: 'retry',
    log: 'the backup could not be written to the folder; no backup was left there',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_BACKUP_NOT_A_BACKUP: {
    retry: 'fatal',
    log: 'the folder has no backup manifest: not a backup, or a backup that never finished',
    details: () => z.object({ path: z.string() }),
  },
  ERR_BACKUP_MANIFEST_INVALID: {
    retry: 'fatal',
    log: 'the backup manifest is truncated, malformed or not sealed by this backup',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_BACKUP_KEYS_INVALID: {
    retry: 'fatal',
    log: 'the backup key bundle is missing or malformed',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_BACKUP_WRONG_PASSPHRASE: {
    retry: 'fatal',
    log: 'the passphrase does not open this backup',
    details: () => z.object({ path: z.string() }),
  },
  ERR_BACKUP_FILE_MISSING: {
    retry: 'fatal',
    log: 'a file listed in the backup manifest is missing',
    details: () => z.object({ file: z.string() }),
  },
  ERR_BACKUP_DB_CORRUPT: {
    retry: 'fatal',
    log: 'the database copy in the backup does not match its manifest or cannot be opened',
    details: () => z.object({ file: z.string(), reason: z.string() }),
  },
  ERR_BACKUP_PACKET_CORRUPT: {
    retry: 'fatal',
    log: 'a packet file in the backup does not match its manifest or its database row',
    details: () => z.object({ file: z.string(), reason: z.string() }),
  },
  ERR_BACKUP_FILE_CORRUPT: {
    retry: 'fatal',
    log: 'a key or configuration file in the backup does not match its manifest',
    details: () => z.object({ file: z.string() }),
  },
  ERR_BACKUP_AUDIT_BROKEN: {
    retry: 'fatal',
    log: 'the audit chain in the backup does not verify',
    details: () => z.object({ seq: z.number(), reason: z.string() }),
  },
  ERR_BACKUP_TARGET_NOT_EMPTY: {
    retry: 'fatal',
    log: 'the restore target already holds data; a restore never overwrites it',
    details: () => z.object({ path: z.string(), found: z.string() }),
  },
  ERR_BACKUP_NOT_SUPERVISOR: {
    retry: 'fatal',
    log: 'backups are scheduled and restored by a REGISTRATION_SUPERVISOR',
    details: () => z.object({ userId: z.string() }),
  },
  ERR_BACKUP_NOT_CONFIGURED: {
    retry: 'park',
    log: 'no backup folder or passphrase is configured for scheduled backups',
    details: () => z.object({ what: z.string() }),
  },
});
