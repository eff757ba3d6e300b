/**
 * Names inside a backup folder. They are the backup format's own (a restore maps them onto the data
 * dir's layout), so a data dir reorganised later still restores older backups.
 */
export const BACKUP_DB_FILE = 'regclient.db';
export const BACKUP_PACKETS_DIR = 'packets';
/** Small folders of the data dir a restored machine needs as they were: the registration certificate, device CAs. */
export const BACKUP_CONFIG_DIRS = ['certs', 'trust'] as const;
/** In the data dir's `keys/`: the key derived from the scheduled backup's passphrase, wrapped like the database key. */
export const BACKUP_SECRET_FILE = 'backup-secret.wrapped';
