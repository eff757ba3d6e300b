import { z } from 'zod';
import { ErrorCodeField } from './errors';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');
/** A path inside a backup folder: relative, forward slashes, no `..` (a manifest must not point outside its folder). */
const BackupPath = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^/\\\u0000-\u001f]+(\/[^/\\\u0000-\u001f]+)*$/, 'a relative path with forward slashes')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'no . or .. in a backup path');

/** What a file in a backup is: restore checks each kind with its own error code. */
export const BackupFileKind = z.enum(['database', 'packet', 'keys', 'config']);
export type BackupFileKind = z.infer<typeof BackupFileKind>;

/** One file of a backup, as the manifest records it. */
export const BackupFile = z.object({ path: BackupPath, kind: BackupFileKind, size: z.number().int().nonnegative(), sha256: Sha256Hex }).strict();
export type BackupFile = z.infer<typeof BackupFile>;

/**
 * `manifest.json` of a backup folder: every file with its size and SHA-256, which app and schema
 * wrote it, which machine it is, the audit chain's head in the copied database, and when. `mac` is
 * an HMAC-SHA256 under a key derived from the backup passphrase over the manifest without `mac`,
 * so a manifest rewritten to match altered files is refused too.
 */
export const BackupManifest = z
  .object({
    format: z.literal('regclient-backup'),
    version: z.literal(1),
    createdAt: z.number().int().nonnegative(),
    appVersion: z.string().min(1).max(40),
    schemaVersion: z.number().int().nonnegative(),
    machine: z.object({ centreId: z.string().min(1), machineId: z.string().min(1), keyIndex: z.string().min(1) }).strict(),
    auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).strict(),
    packets: z.number().int().nonnegative(),
    files: z.array(BackupFile).min(2).max(1_000_000),
    /**
     * Packet files the copied rows expect but that were already gone from this machine (parked as
     * ERR_SYNC_PACKET_FILE_MISSING, or deleted by retention while the backup ran): recorded rather
     * than failing every backup; the restored machine reports them as the old one did.
     */
    missingPackets: z.array(BackupPath).max(1_000_000),
    mac: Sha256Hex,
  })
  .strict();
export type BackupManifest = z.infer<typeof BackupManifest>;

/** scrypt parameters of a backup's key bundle: kept beside it so a restore derives the same key. */
export const BackupKdf = z
  .object({
    name: z.literal('scrypt'),
    salt: z.string().regex(/^[A-Za-z0-9+/]+=*$/).min(16),
    N: z.number().int().min(1 << 14).max(1 << 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  })
  .strict();
export type BackupKdf = z.infer<typeof BackupKdf>;

/** `keys.json`: the data dir's keys, sealed with AES-256-GCM under the passphrase-derived key. */
export const BackupKeysFile = z
  .object({ format: z.literal('regclient-backup-keys'), version: z.literal(1), kdf: BackupKdf, sealed: z.string().min(1) })
  .strict();
export type BackupKeysFile = z.infer<typeof BackupKeysFile>;

/** What a finished backup reports (CLI --json, the scheduler, the typed API). */
export const BackupResult = z
  .object({
    dir: z.string(),
    createdAt: z.number().int(),
    packets: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
    /** packet files the database expects that were already missing (see BackupManifest.missingPackets) */
    missingPackets: z.array(z.string()),
  })
  .strict();
export type BackupResult = z.infer<typeof BackupResult>;

/** What `regclient restore` reports once the data dir is in place. */
export const RestoreResult = z
  .object({ dataDir: z.string(), from: z.string(), packets: z.number().int().nonnegative(), auditEntries: z.number().int().nonnegative(), restoredBy: z.string(), backupCreatedAt: z.number().int() })
  .strict();
export type RestoreResult = z.infer<typeof RestoreResult>;

/** The scheduled backup's default: every day at 18:00, after the day's registrations (Quartz, as MOSIP's sync jobs). */
export const DEFAULT_BACKUP_CRON = '0 0 18 * * ?';

/**
 * What a supervisor sets for scheduled backups: the folder (a second disk, a USB stick; `null`
 * turns them off), when (Quartz cron), and the passphrase, needed the first time and to change it.
 * The passphrase is never stored: only the key derived from it, wrapped like the database key.
 */
export const BackupScheduleInput = z
  .object({
    dir: z.string().trim().min(1, 'give the backup folder').max(1000).nullable(),
    cron: z.string().trim().min(1).max(120).default(DEFAULT_BACKUP_CRON),
    passphrase: z.string().min(12, 'a backup passphrase has at least 12 characters').max(1024).optional(),
  })
  .strict();
export type BackupScheduleInput = z.infer<typeof BackupScheduleInput>;

/** The scheduled backup as the Settings screen shows it: where, when, and how the last one went. */
export const BackupStatus = z
  .object({
    dir: z.string().nullable(),
    cron: z.string(),
    hasPassphrase: z.boolean(),
    lastRunAt: z.number().int().nullable(),
    lastOk: z.boolean().nullable(),
    lastErrorCode: ErrorCodeField.nullable(),
    /** the folder the last good backup went to */
    lastBackupDir: z.string().nullable(),
    lastPackets: z.number().int().nullable(),
    nextRunAt: z.number().int().nullable(),
    running: z.boolean(),
  })
  .strict();
export type BackupStatus = z.infer<typeof BackupStatus>;
