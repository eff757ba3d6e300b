import { z } from 'zod';
import { defineErrors } from './defineErrors';

/** Errors of the sync area. Codes are API: never renamed or reused. */
export const syncErrors = defineErrors({
  ERR_SYNC_UNREACHABLE: {
    retry: 'retry',
    offline: true,
    log: 'the MOSIP server could not be reached (connection refused, reset or DNS)',
    details: () => z.object({ endpoint: z.string(), reason: z.string() }),
  },
  ERR_SYNC_TIMEOUT: {
    retry: 'retry',
    offline: true,
    log: 'the MOSIP server did not answer in time',
    details: () => z.object({ endpoint: z.string(), timeoutMs: z.number().int() }),
  },
  ERR_SYNC_RESPONSE_TOO_LARGE: {
    retry: 'retry',
    log: 'the MOSIP server sent a response larger than the client reads into memory',
    details: () => z.object({ endpoint: z.string(), limitBytes: z.number().int() }),
  },
  ERR_SYNC_SERVER_ERROR: {
    retry: 'retry',
    offline: true,
    log: 'the MOSIP server answered with a 5xx status',
    details: () => z.object({ endpoint: z.string(), status: z.number().int() }),
  },
  ERR_SYNC_RATE_LIMITED: {
    retry: 'retry',
    offline: true,
    log: 'the MOSIP server asked us to slow down (429)',
    details: () => z.object({ endpoint: z.string(), retryAfterSeconds: z.number().int().nonnegative() }),
  },
  ERR_SYNC_BAD_RESPONSE: {
    retry: 'retry',
    log: 'the MOSIP server answer is not the expected JSON (proxy page, truncated or wrong shape)',
    details: () => z.object({ endpoint: z.string(), reason: z.string() }),
  },
  ERR_SYNC_AUTH_EXPIRED: {
    retry: 'reauth',
    offline: true,
    stopsOutboxRun: true,
    log: 'the server session token is missing, expired or rejected (401)',
    details: () => z.object({ endpoint: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_REJECTED: {
    retry: 'park',
    log: 'the MOSIP server refused the request (4xx or a business error)',
    details: () => z.object({ endpoint: z.string(), status: z.number().int(), errorCode: z.string(), message: z.string() }),
  },
  ERR_SYNC_CLOCK_SKEW: {
    retry: 'park',
    stopsOutboxRun: true,
    log: 'the machine clock differs too much from the server clock',
    details: () => z.object({ endpoint: z.string(), skewMinutes: z.number().int() }),
  },
  ERR_SYNC_LOGIN_FAILED: {
    retry: 'park',
    stopsOutboxRun: true,
    log: 'the server refused the operator user id or password',
    details: () => z.object({ userId: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_MACHINE_NOT_REGISTERED: {
    retry: 'park',
    stopsOutboxRun: true,
    log: 'this machine key is not registered on the MOSIP server',
    details: () => z.object({ keyIndex: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_SIGNATURE_INVALID: {
    retry: 'park',
    stopsOutboxRun: true,
    log: 'a server answer failed Response-Signature verification',
    details: () => z.object({ endpoint: z.string(), reason: z.string() }),
  },
  ERR_SYNC_DECRYPT_FAILED: {
    retry: 'park',
    stopsOutboxRun: true,
    log: 'data encrypted to this machine could not be decrypted with the machine key',
    details: () => z.object({ what: z.string() }),
  },
  ERR_SYNC_NOT_CONFIGURED: {
    retry: 'fatal',
    offline: true,
    stopsOutboxRun: true,
    log: 'sync is not configured (server address, centre or machine missing)',
    details: () => z.object({ what: z.string() }),
  },
  ERR_SYNC_FOLDER_PICKER_UNAVAILABLE: {
    retry: 'fatal',
    log: 'the OS folder picker was asked for where there is none (the browser host)',
    details: () => z.object({}),
  },
  ERR_SYNC_NOT_SUPERVISOR: {
    retry: 'park',
    log: 'the acting operator does not hold REGISTRATION_SUPERVISOR',
    details: () => z.object({ userId: z.string() }),
  },
  ERR_SYNC_PACKET_NOT_FOUND: {
    retry: 'park',
    log: 'no packet with this RID or packet id on this machine',
    details: () => z.object({ id: z.string() }),
  },
  ERR_SYNC_PACKET_ALREADY_DECIDED: {
    retry: 'park',
    log: 'the packet is no longer waiting for a supervisor decision',
    details: () => z.object({ rid: z.string(), state: z.string() }),
  },
  ERR_SYNC_MATCHING_CHANGED: {
    // "all matching" decides what the supervisor saw counted, or nothing: a different count means
    // packets arrived or were decided since, and the supervisor looks again before deciding them
    retry: 'fatal',
    log: 'the packets matching the filter are no longer the count the supervisor confirmed',
    details: () => z.object({ expected: z.number(), found: z.number() }),
  },
  ERR_SYNC_REASON_REQUIRED: {
    retry: 'park',
    log: 'a reason code from the synced reason list is required for this decision',
    details: () => z.object({ action: z.string() }),
  },
  ERR_SYNC_REASON_UNKNOWN: {
    retry: 'park',
    log: 'the reason code is not in the synced reason list',
    details: () => z.object({ code: z.string(), known: z.string() }),
  },
  ERR_SYNC_PACKET_CORRUPTED: {
    retry: 'park',
    log: 'the packet file on disk no longer matches the hash recorded when it was built',
    details: () => z.object({ rid: z.string(), expected: z.string(), actual: z.string() }),
  },
  ERR_SYNC_PACKET_FILE_MISSING: {
    retry: 'park',
    log: 'the packet file is missing from disk',
    details: () => z.object({ rid: z.string(), path: z.string() }),
  },
  ERR_SYNC_LIMIT_PENDING_APPROVALS: {
    retry: 'fatal',
    log: 'too many packets wait for supervisor approval (mosip.registration.reg_pak_max_cnt_apprv_limit)',
    details: () => z.object({ count: z.number().int(), max: z.number().int() }),
  },
  ERR_SYNC_LIMIT_APPROVAL_AGE: {
    retry: 'fatal',
    log: 'the oldest packet waiting for approval is too old (mosip.registration.reg_pak_max_time_apprv_limit)',
    details: () => z.object({ days: z.number().int(), max: z.number().int() }),
  },
  ERR_SYNC_LIMIT_UNSYNCED: {
    retry: 'fatal',
    log: 'too many packets are not yet uploaded or exported (mosip.registration.packet.maximum.count.offline.frequency)',
    details: () => z.object({ count: z.number().int(), max: z.number().int() }),
  },
  ERR_SYNC_LIMIT_DAYS_SINCE_SYNC: {
    retry: 'fatal',
    log: 'too many days since packets were last uploaded or exported (mosip.registration.last_export_registration_config_time)',
    details: () => z.object({ days: z.number().int(), max: z.number().int() }),
  },
  ERR_SYNC_LIMIT_DISK_SPACE: {
    retry: 'fatal',
    log: 'free disk space is below mosip.registration.disk_space_size',
    details: () => z.object({ freeMb: z.number(), minMb: z.number() }),
  },
  ERR_SYNC_EXPORT_FAILED: {
    retry: 'park',
    log: 'packets could not be written to the export folder',
    details: () => z.object({ dir: z.string(), reason: z.string() }),
  },
  ERR_SYNC_EXPORT_DIR_MISSING: {
    retry: 'park',
    log: 'export refused: the destination folder does not exist (it is not created, so a mistyped path or an unplugged USB stick is not silently filled)',
    details: () => z.object({ field: z.literal('dir'), dir: z.string() }),
  },
  ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY: {
    retry: 'park',
    log: 'export refused: the destination is not a folder',
    details: () => z.object({ field: z.literal('dir'), dir: z.string() }),
  },
  ERR_SYNC_EXPORT_DIR_NOT_WRITABLE: {
    retry: 'park',
    log: 'export refused: the destination folder cannot be written (permissions or read-only medium)',
    details: () => z.object({ field: z.literal('dir'), dir: z.string(), reason: z.string() }),
  },
  ERR_SYNC_EXPORT_DIR_IN_DATA_DIR: {
    retry: 'park',
    log: 'export refused: the destination is inside the data folder (an export must leave the machine\'s own storage)',
    details: () => z.object({ field: z.literal('dir'), dir: z.string(), dataDir: z.string() }),
  },
  ERR_SYNC_SERVER_URL_INSECURE: {
    retry: 'park',
    stopsOutboxRun: true,
    log: 'refused server address: it must be https (http only to 127.0.0.0/8, ::1 or localhost)',
    details: () => z.object({ field: z.string(), url: z.string(), rule: z.enum(['not-a-url', 'not-http', 'plain-http-to-remote-host']) }),
  },
  ERR_SYNC_MANIFEST_INVALID: {
    retry: 'park',
    log: 'an export manifest failed its signature or hash check',
    details: () => z.object({ dir: z.string(), reason: z.string() }),
  },
  ERR_SYNC_PACKET_SUMMARY_MISSING: {
    retry: 'park',
    log: 'no review summary is stored for this packet (built before summaries, by the CLI, or deleted with its file)',
    details: () => z.object({ rid: z.string() }),
  },
  ERR_SYNC_BUSY: {
    retry: 'retry',
    log: 'another sync run (the app or the CLI) holds this machine\'s outbox; this one waits or stops',
    details: () => z.object({ pid: z.number().int() }),
  },
  ERR_SYNC_ENTITY_URL_FOREIGN_HOST: {
    retry: 'park',
    log: 'a synced entity names a download URL outside the configured MOSIP server; it was not fetched',
    details: () => z.object({ entity: z.string(), host: z.string(), serverHost: z.string() }),
  },
  ERR_SYNC_ENTITY_TOO_LARGE: {
    retry: 'park',
    log: 'a synced entity file is larger than the client downloads',
    details: () => z.object({ entity: z.string(), limitBytes: z.number().int() }),
  },
  ERR_SYNC_SIGN_CERT_UNTRUSTED: {
    retry: 'park',
    log: 'the server sent a KERNEL/SIGN certificate that does not chain to the pinned MOSIP root; it was refused',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_SYNC_CRON_INVALID: {
    retry: 'park',
    log: 'a sync job schedule is not a valid Quartz cron expression',
    details: () => z.object({ expression: z.string(), rule: z.string() }),
  },
  ERR_SYNC_MACHINE_NAME_UNKNOWN: {
    retry: 'park',
    log: 'tpm/publickey/verify found no machine of this name (KER-SNC-155): the name set here is not the one registered on the server',
    details: () => z.object({ machineName: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_DOWN_SYNC_FAILED: {
    retry: 'retry',
    log: 'one or more down-sync jobs failed during a sync started from the app',
    details: () => z.object({ jobs: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_CRVS_NOT_CONFIGURED: {
    retry: 'park',
    log: 'online civil-registration delivery is chosen but the CRVS client credentials (appId, clientId, secret) are not all set',
    details: () => z.object({ setting: z.string(), missing: z.string() }),
  },
  ERR_SYNC_CRVS_CLIENT_REFUSED: {
    retry: 'park',
    log: 'authmanager clientidsecretkey refused the CRVS client credentials (wrong clientId, secret or appId)',
    details: () => z.object({ setting: z.string(), clientId: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_CRVS_SECRET_UNREADABLE: {
    retry: 'park',
    log: 'the wrapped CRVS client secret could not be unwrapped (missing, damaged, or wrapped on another installation)',
    details: () => z.object({ setting: z.string(), reason: z.string() }),
  },
  ERR_SYNC_CRVS_CREATE_PACKET_FAILED: {
    retry: 'retry',
    log: 'Packet Manager createPacket answered a null response: the packet was not created (MOSIP logs the cause)',
    details: () => z.object({ rid: z.string() }),
  },
  ERR_SYNC_CRVS_PAYLOAD_MISSING: {
    retry: 'park',
    log: 'no stored createPacket content for this civil-registration packet (built before online delivery existed)',
    details: () => z.object({ rid: z.string() }),
  },
});
