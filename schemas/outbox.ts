import { z } from 'zod';
import { ErrorCodeField } from './errors';
import { LocalizedText, Thumbnail } from './localizedText';

/**
 * Where a packet is in its life after the build (persisted in `outbox.state`):
 * PENDING (waits for the supervisor) → ON_HOLD ↔ READY (approved or rejected, waits for RID sync)
 * → SYNCED → UPLOADING (an upload may be in flight) → UPLOADED → DONE (final server status);
 * READY/SYNCED → EXPORTED (USB) → DONE after reconcile; any step → PARKED (needs a person).
 */
export const OutboxState = z.enum(['PENDING', 'ON_HOLD', 'READY', 'SYNCED', 'UPLOADING', 'UPLOADED', 'EXPORTED', 'DONE', 'PARKED']);
export type OutboxState = z.infer<typeof OutboxState>;

/** The supervisor's decision as MOSIP's RID sync carries it (`supervisorStatus`), plus ON_HOLD locally. */
export const SupervisorStatus = z.enum(['APPROVED', 'REJECTED', 'ON_HOLD']);
export type SupervisorStatus = z.infer<typeof SupervisorStatus>;

/** What a supervisor decides for a packet (end of day): each sets one SupervisorStatus. */
export const ApprovalAction = z.enum(['approve', 'reject', 'hold']);
export type ApprovalAction = z.infer<typeof ApprovalAction>;

/** Server statuses the client stores (registrationstatus/search codes, §4.6). */
export const TERMINAL_SERVER_STATUSES = ['PROCESSED', 'ACCEPTED', 'REJECTED', 'REREGISTER', 'UIN_GENERATED', 'REPROCESS_FAILED'] as const;

/** One packet as the EOD screens and `regclient packets list` show it. Times are epoch ms. */
export const OutboxItem = z.object({
  packetId: z.string(),
  rid: z.string(),
  process: z.string(),
  createdAt: z.number().int(),
  size: z.number().int(),
  state: OutboxState,
  supervisorStatus: SupervisorStatus.nullable(),
  reasonCode: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int().nullable(),
  /** the ERR_* code of the last failure (parked or retrying); one the catalogue lacks reads as ERR_INTERNAL */
  lastErrorCode: ErrorCodeField.nullable(),
  /** its details, e.g. MOSIP's errorCode and message */
  lastErrorDetails: z.record(z.string(), z.unknown()).nullable(),
  serverStatus: z.string().nullable(),
  serverStatusAt: z.number().int().nullable(),
  uin: z.string().nullable(),
  uploadedAt: z.number().int().nullable(),
  exportedAt: z.number().int().nullable(),
  fileDeletedAt: z.number().int().nullable(),
  /**
   * Who the packet is about, from its review summary: only when the filter asks (`withPerson`), and
   * null for a packet without one (built by the CLI, or its summary gone with the file)
   */
  person: z.object({ residentName: LocalizedText, photo: Thumbnail }).nullable().optional(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxFilter = z
  .object({
    state: OutboxState.optional(),
    /** any of these states (the approval queue's "waiting": PENDING and ON_HOLD); with `state`, both must hold */
    states: z.array(OutboxState).min(1).max(OutboxState.options.length).optional(),
    /** one registration process (NEW, UPDATE, LOST, …) */
    process: z.string().min(1).max(64).optional(),
    /** created at or after (epoch ms) */
    from: z.number().int().optional(),
    /** created before (epoch ms) */
    to: z.number().int().optional(),
    /**
     * part of the RID (digits; spaces ignored) or words of the resident's name in any data language
     * (every word, in any order, ignoring case and accents)
     */
    search: z.string().trim().min(1, 'type a RID or part of a name').max(100, 'at most 100 characters').optional(),
    /** add each packet's `person` (name and face thumbnail from its summary) */
    withPerson: z.boolean().optional(),
  })
  .strict();
export type OutboxFilter = z.infer<typeof OutboxFilter>;

/** The outbox lists of the sync screen and Home, each a set of states (`outbox.list`). */
export const OutboxGroup = z.enum(['inFlight', 'parked', 'unsent']);
export type OutboxGroup = z.infer<typeof OutboxGroup>;

/**
 * inFlight: approved or rejected, not yet done; parked: needs a person; unsent: decided and not
 * yet uploaded (Home's "waiting to upload" card).
 */
export const OUTBOX_GROUP_STATES: Readonly<Record<OutboxGroup, readonly OutboxState[]>> = {
  inFlight: ['READY', 'SYNCED', 'UPLOADING', 'UPLOADED', 'EXPORTED'],
  parked: ['PARKED'],
  unsent: ['READY', 'SYNCED', 'UPLOADING'],
};

/** What one outbox run did, for the EOD summary and the progress event. */
export const OutboxRunSummary = z.object({
  startedAt: z.number().int(),
  finishedAt: z.number().int(),
  synced: z.array(z.string()),
  uploaded: z.array(z.string()),
  statusUpdated: z.array(z.object({ rid: z.string(), status: z.string() })),
  parked: z.array(z.object({ rid: z.string(), code: ErrorCodeField, details: z.record(z.string(), z.unknown()) })),
  /** items waiting for a retry after a network/server failure */
  retrying: z.array(z.object({ rid: z.string(), code: ErrorCodeField, nextAttemptAt: z.number().int() })),
  /** a failure that stopped the whole run (clock skew, login needed, machine unknown) */
  stoppedBy: z.object({ code: ErrorCodeField, details: z.record(z.string(), z.unknown()) }).nullable(),
});
export type OutboxRunSummary = z.infer<typeof OutboxRunSummary>;

export const SyncProgress = z.object({
  phase: z.enum(['ridSync', 'upload', 'status']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  rid: z.string().nullable(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

/** The offline limits of the incumbent client (§4.2, §5.5), each with its numbers. */
export const OfflineLimitName = z.enum(['pendingApprovals', 'approvalAgeDays', 'unsyncedPackets', 'daysSinceLastSync', 'freeDiskMb']);
export type OfflineLimitName = z.infer<typeof OfflineLimitName>;

export const OfflineLimitStatus = z.object({
  limit: OfflineLimitName,
  value: z.number(),
  /** the configured maximum (for freeDiskMb: the minimum) */
  threshold: z.number(),
  state: z.enum(['ok', 'near', 'hit']),
  /** the ERR_SYNC_LIMIT_* code whose translation says what to do */
  code: ErrorCodeField,
  details: z.record(z.string(), z.unknown()),
});
export type OfflineLimitStatus = z.infer<typeof OfflineLimitStatus>;

const FilesAndBytes = z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() });

/**
 * What retention will free on the data dir's disk (issue 17, a full disk): the packet files the
 * server has PROCESSED or ACCEPTED, whose retention days are over (`due`, freed by the next run) or
 * not yet (`later`, freed as their days pass). Rejected and unsent packets keep their files.
 */
export const RetentionSpace = z.object({
  days: z.number().int().nonnegative(),
  due: FilesAndBytes,
  later: FilesAndBytes,
});
export type RetentionSpace = z.infer<typeof RetentionSpace>;

export const ScheduledJob = z.enum(['downSync', 'outbox', 'statusPoll', 'retention']);
export type ScheduledJob = z.infer<typeof ScheduledJob>;

export const JobSchedule = z.object({
  job: ScheduledJob,
  enabled: z.boolean(),
  everyMinutes: z.number().int().min(1).max(7 * 24 * 60),
  /** a Quartz cron expression (MOSIP's `sync_job_def.SYNC_FREQ`); when set it wins over everyMinutes */
  cron: z.string().min(1).max(120).optional(),
  /** where the schedule came from: the server's job definitions, the supervisor, or the built-in default */
  source: z.enum(['server', 'local', 'default']).optional(),
});
export type JobSchedule = z.infer<typeof JobSchedule>;

export const JobStatus = JobSchedule.extend({
  lastRunAt: z.number().int().nullable(),
  lastOk: z.boolean().nullable(),
  lastErrorCode: ErrorCodeField.nullable(),
  nextRunAt: z.number().int().nullable(),
  running: z.boolean(),
  /** the cron schedule in plain words, per UI language (por, eng, fra, ara) */
  cronWords: z.record(z.string(), z.string()).optional(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** One packet in a USB export's manifest. */
export const ExportManifestEntry = z.object({
  packetId: z.string(),
  rid: z.string(),
  fileName: z.string(),
  registrationType: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  supervisorStatus: z.enum(['APPROVED', 'REJECTED']),
  supervisorComment: z.string().nullable(),
});

/** `manifest.json` of an export; `manifest.json.sig` holds base64 RSA-SHA256 by the machine key over its bytes. */
export const ExportManifest = z.object({
  format: z.literal('regclient-export/1'),
  centreId: z.string(),
  machineId: z.string(),
  keyIndex: z.string(),
  /** base64 SPKI DER of the machine signing key */
  machinePublicKey: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string().nullable(),
  packets: z.array(ExportManifestEntry),
});
export type ExportManifest = z.infer<typeof ExportManifest>;
