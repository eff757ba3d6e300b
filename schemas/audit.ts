import { z } from 'zod';

/** Event ids written to the audit log. Later areas add theirs; keep names stable. */
export const AuditEvent = z.enum([
  'APP_STARTED',
  'DB_CREATED',
  'DB_MIGRATED',
  'MACHINE_KEY_CREATED',
  'DEMO_SEEDED',
  'LOGIN_SUCCESS',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  /** a logged-in operator re-entered the password for a packet or an EOD decision (details.process) */
  'OPERATOR_AUTH_SUCCESS',
  'OPERATOR_AUTH_FAILED',
  'LOGOUT',
  'SESSION_EXPIRED',
  'ROLE_DENIED',
  'OPERATOR_CREATED',
  'OPERATOR_UPDATED',
  'LANGUAGE_CHANGED',
  'AUDIT_VERIFIED',
  'SETTINGS_CHANGED',
  /** a supervisor added a device CA certificate to `<dataDir>/trust` (details.thumbprint, subject, fileName) */
  'DEVICE_TRUST_ANCHOR_ADDED',
  /** a supervisor removed a local device CA certificate (details.thumbprint, subject, fileName) */
  'DEVICE_TRUST_ANCHOR_REMOVED',
  'SYNC_SERVER_LOGIN',
  'SYNC_SERVER_LOGIN_FAILED',
  'SYNC_SIGN_CERT_PINNED',
  'SYNC_SIGN_CERT_ROTATED',
  'SYNC_DOWN_COMPLETED',
  'PACKET_CREATED',
  'PACKET_BUILD_FAILED',
  'PACKET_LEFTOVER_REMOVED',
  'PACKET_APPROVED',
  'PACKET_REJECTED',
  'PACKET_ON_HOLD',
  'PACKET_PARKED',
  'PACKET_UPLOADED',
  'PACKET_EXPORTED',
  'PACKET_FILE_DELETED',
  'SYNC_OUTBOX_RUN',
  'SYNC_SCHEDULE_CHANGED',
  'DRAFT_CREATED',
  'DRAFT_DOCUMENT_ATTACHED',
  // the operator changed an attached document's type or reference number (issue 13)
  'DRAFT_DOCUMENT_DESCRIBED',
  'DRAFT_BIOMETRICS_CAPTURED',
  // a stored capture failed its re-verification at submit (issue 12): nothing was built
  'DRAFT_CAPTURE_UNVERIFIED',
  'DRAFT_DISCARDED',
  'DRAFT_SUBMITTED',
  /** a supervisor reviewed a registration with biometric exceptions (exception_auth): details.reviewerId */
  'DRAFT_REVIEWED',
  /** a reviewer was refused before any password was checked or after a wrong one (details.reason) */
  'DRAFT_REVIEW_REFUSED',
  'PREREG_DOWNLOADED',
  'PREREG_FETCHED',
  'PREREG_FETCH_FAILED',
  'PREREG_APPLIED',
  'PREREG_CONSUMED',
  'PREREG_DELETED',
  /** a supervisor moved the data dir's key protection (details.from, details.to, details.files) */
  'KEYS_REWRAPPED',
  /** a backup was written (details.dir, packets, auditSeq, scheduled) */
  'BACKUP_WRITTEN',
  /** a backup could not be written (details.code, dir, scheduled) */
  'BACKUP_FAILED',
  /** a supervisor set or cleared the scheduled backup (details.dir, cron; never the passphrase) */
  'BACKUP_SCHEDULE_CHANGED',
  /** this data dir was restored from a backup (details.from, backupCreatedAt, packets); actor is the supervisor */
  'BACKUP_RESTORED',
  /** a birth certificate's QR prefilled a CRVS_NEW draft (details.birthCertificateNumber) */
  'BIRTH_RECORD_APPLIED',
  /** the CRVS bridge stored a birth or death event from the civil registry (details.eventId, kind) */
  'CRVS_EVENT_RECEIVED',
  /** the event's packet is in the outbox, approved by the bridge (details.eventId, rid) */
  'CRVS_EVENT_QUEUED',
  /** the event needs a person (details.eventId, code) */
  'CRVS_EVENT_PARKED',
  /** MOSIP's credential for the event's RID came back (details.eventId, rid; never the ID itself) */
  'CRVS_ID_ISSUED',
  /** the CRVS system took the confirmation (details.eventId, rid) */
  'CRVS_EVENT_CONFIRMED',
  /** the civil registry revoked an event the bridge holds (details.eventId, revokes, kind, code) */
  'CRVS_EVENT_REVOKED',
  /** a supervisor sent a parked event again (details.eventId, from) */
  'CRVS_EVENT_REPLAYED',
  /** the bridge's settings and secrets were written (details.partnerId; never a secret) */
  'CRVS_BRIDGE_CONFIGURED',
]);
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  event: AuditEvent,
  actor: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** first problem found, when not ok */
  problem: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
