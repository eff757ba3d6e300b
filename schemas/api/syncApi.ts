import { z } from 'zod';
import { JobSchedule, JobStatus, OfflineLimitStatus, OutboxFilter, OutboxGroup, OutboxItem, OutboxRunSummary, RetentionSpace, SyncProgress } from '../outbox';
import { page, PageRequest } from '../paging';
import { BulkDecisionInput, BulkDecisionProgress, BulkDecisionResult } from '../bulkDecision';
import { ExportTargets } from '../exportTargets';
import { PacketSummary } from '../packetSummary';
import { DownSyncSummary } from '../sync';
import { EndOfDayInput, EndOfDaySummary } from '../endOfDay';
import { method } from './defineApi';

const Empty = z.object({}).strict();
const SUPERVISOR = ['REGISTRATION_SUPERVISOR'] as const;
const OPERATORS = ['REGISTRATION_OFFICER', 'REGISTRATION_SUPERVISOR'] as const;

/**
 * A supervisor decision. The password is checked again (MOSIP's `eod_auth`: approval needs a fresh
 * supervisor authentication, incumbent §4.1), so an unattended session cannot approve.
 */
export const PacketDecisionInput = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500),
    reasonCode: z.string().min(1).max(36).optional(),
    password: z.string().min(1).max(200),
  })
  .strict();
export type PacketDecisionInput = z.infer<typeof PacketDecisionInput>;

/** One synced reason (master data `ReasonList`). */
export const Reason = z.object({ code: z.string(), name: z.string(), category: z.string(), langCode: z.string() });
export type Reason = z.infer<typeof Reason>;

export const ExportResult = z.object({
  dir: z.string(),
  rids: z.array(z.string()),
  /** decided packets left out because their file failed the hash check (they stay in the outbox) */
  skipped: z.array(z.object({ rid: z.string(), reason: z.string() })),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const SyncStatus = z.object({
  jobs: z.array(JobStatus),
  limits: z.array(OfflineLimitStatus),
  parked: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The packet list's filters plus a page request (filters unchanged: a cursor is only valid with the filter it was read under). */
export const PacketListInput = OutboxFilter.extend(PageRequest.shape).strict();
export type PacketListInput = z.infer<typeof PacketListInput>;

/** One page of packets: the approval queue, Home's counts (limit 1, total), the sync screen. */
export const OutboxPage = page(OutboxItem);
export type OutboxPage = z.infer<typeof OutboxPage>;

/** End of day and sync: packet approval, the outbox, scheduled jobs, export, offline limits. */
export const syncApi = {
  'packets.list': method({ input: PacketListInput, output: OutboxPage, access: 'session' }),
  'packets.reasons': method({ input: z.object({ langCode: z.string().length(3).optional() }).strict(), output: z.array(Reason), access: 'session' }),
  /** the review summary stored at submit; supervisors only, like the decisions it serves */
  'packets.summary': method({ input: z.object({ rid: z.string().regex(/^\d{29}$/, 'a RID has 29 digits') }).strict(), output: PacketSummary, access: SUPERVISOR }),
  'packets.approve': method({ input: PacketDecisionInput, output: z.array(OutboxItem), access: SUPERVISOR }),
  'packets.reject': method({ input: PacketDecisionInput, output: z.array(OutboxItem), access: SUPERVISOR }),
  'packets.hold': method({ input: PacketDecisionInput, output: z.array(OutboxItem), access: SUPERVISOR }),
  /**
   * "All matching" (issue 17): the queue's filter and the count the supervisor saw, one password
   * re-entry; decided in chunks in the main process, progress as packets.onDidDecideProgress, cancellable.
   */
  'packets.decideMatching': method({ input: BulkDecisionInput, output: BulkDecisionResult, access: SUPERVISOR }),
  'outbox.list': method({ input: z.object({ group: OutboxGroup }).extend(PageRequest.shape).strict(), output: OutboxPage, access: 'session' }),
  'outbox.requeue': method({ input: z.object({ id: z.string().min(1).max(64) }).strict(), output: OutboxItem, access: SUPERVISOR }),
  /**
   * Officers and supervisors: an officer sends their own day when the centre is online (the sync
   * screen is theirs too; MOSIP's PacketUploadServiceImpl.uploadSyncedPackets has no role guard).
   * Not `Default`: a viewer may log in but has no packets to send and no business starting uploads.
   */
  'sync.now': method({ input: Empty, output: OutboxRunSummary, access: OPERATORS }),
  /**
   * A person's down-sync (`regclient sync`): every job over the server session the login started.
   * Officers and supervisors, as sync.now: MOSIP 1.2 hides only the EOD approval pane from
   * non-supervisors (PacketHandlerController.initialize), so its "Sync data" task is an officer's too;
   * stricter than MOSIP for `Default`, which may log in but has no business changing this machine's data.
   */
  'sync.downSync': method({ input: z.object({ full: z.boolean().default(false) }).strict(), output: DownSyncSummary, access: OPERATORS }),
  /**
   * End of day (`regclient sync --eod`): down-sync, every decided packet sent with retries waited out,
   * their server status, then what is left for a person and the offline limits not ok. Progress goes
   * to the caller as sync.onDidProgress. Same roles as sync.now (MOSIP's upload has no role guard:
   * PacketUploadServiceImpl.uploadSyncedPackets).
   */
  'sync.endOfDay': method({ input: EndOfDayInput, output: EndOfDaySummary, access: OPERATORS }),
  /**
   * The server's status of every uploaded and exported packet (registrationstatus/search by RID),
   * as the outbox's status phase asks it (`regclient status reconcile`); same roles as sync.now.
   */
  'sync.reconcileStatuses': method({ input: Empty, output: OutboxRunSummary, access: OPERATORS }),
  'sync.status': method({ input: Empty, output: SyncStatus, access: 'session' }),
  /** the space retention will free on the data dir's disk (the sync screen shows it beside the free-space limit) */
  'sync.retentionSpace': method({ input: Empty, output: RetentionSpace, access: 'session' }),
  'sync.setSchedule': method({ input: JobSchedule.strict(), output: z.array(JobStatus), access: SUPERVISOR }),
  /**
   * Supervisors only (issue 12): an export carries every decided packet off the machine. Stricter
   * than MOSIP 1.2, whose PacketExportServiceImpl.updateRegistrationStatus admits OFFICER,
   * SUPERVISOR, ADMIN and DEFAULT roles.
   */
  'sync.export': method({ input: z.object({ dir: z.string().min(1).max(4096) }).strict(), output: ExportResult, access: SUPERVISOR }),
  /** the removable drives mounted now, and whether an OS folder picker exists (the desktop app), instead of typing a path */
  'sync.exportTargets': method({ input: Empty, output: ExportTargets, access: SUPERVISOR }),
  /** the desktop app's OS folder picker; null when the supervisor cancels (the browser host has none: canPickFolder is false) */
  'sync.pickExportFolder': method({ input: Empty, output: z.object({ dir: z.string().nullable() }), access: SUPERVISOR }),
} as const;

export const syncEvents = {
  'outbox.onDidChange': OutboxItem,
  /** after each committed chunk of a packets.decideMatching, to the caller only */
  'packets.onDidDecideProgress': BulkDecisionProgress,
  'sync.onDidProgress': SyncProgress,
  'sync.onDidChangeSchedule': z.array(JobStatus),
} as const;

/** Broadcast of the sync area's events; the host passes `(name, payload) => hub.broadcast(name, payload)`. */
export type SyncEventSink = <E extends keyof typeof syncEvents>(name: E, payload: z.infer<(typeof syncEvents)[E]>) => void;
