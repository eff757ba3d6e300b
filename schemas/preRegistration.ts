import { z } from 'zod';

/**
 * MOSIP 1.2 pre-registration data sync (pre-registration `datasync` service, as the registration
 * client calls it: RS `service/sync/impl/PreRegistrationDataSyncServiceImpl.java`).
 */

/** A pre-registration id (PRID / AID): 14 digits in MOSIP's default id generator. */
export const PRID_PATTERN = /^\d{14}$/;
export const PreRegistrationId = z.string().regex(PRID_PATTERN, 'a pre-registration id is 14 digits');
export type PreRegistrationId = z.infer<typeof PreRegistrationId>;

/** `POST /preregistration/v1/sync` request: the centre and the appointment window (`yyyy-MM-dd`). */
export const PreRegIdsRequest = z.object({
  registrationCenterId: z.string().min(1),
  fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  toDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type PreRegIdsRequest = z.infer<typeof PreRegIdsRequest>;

/**
 * Its response (`PreRegistrationIdsDTO`): PRID → the application's last update time, so a client
 * downloads again only what changed since it last did.
 */
export const PreRegIdsResponse = z.object({
  transactionId: z.string().nullish(),
  countOfPreRegIds: z.string().nullish(),
  preRegistrationIds: z.record(z.string(), z.string().nullable()),
});
export type PreRegIdsResponse = z.infer<typeof PreRegIdsResponse>;

/**
 * `GET /preregistration/v1/sync/{prid}/{machineId}` response (`PreRegArchiveDTO`, Jackson names):
 * the zip (`ID.json` + documents) encrypted to the machine key, base64 (Jackson's byte[]).
 */
export const PreRegArchive = z.object({
  'pre-registration-id': z.string(),
  'registration-client-id': z.string().nullish(),
  'appointment-date': z.string().nullish(),
  'from-time-slot': z.string().nullish(),
  'to-time-slot': z.string().nullish(),
  'zip-filename': z.string().nullish(),
  'zip-bytes': z.string().min(1),
});
export type PreRegArchive = z.infer<typeof PreRegArchive>;

/** A document reference in the pre-registration `ID.json` (value = zip entry name without extension). */
export const PreRegDocumentRef = z.object({
  value: z.string().min(1),
  type: z.string().nullish(),
  format: z.string().nullish(),
  refNumber: z.string().nullish(),
});
export type PreRegDocumentRef = z.infer<typeof PreRegDocumentRef>;

/** `ID.json` of a pre-registration zip: `{ identity: { field: value } }` in ID-schema shape. */
export const PreRegIdJson = z.object({ identity: z.record(z.string(), z.unknown()) });
export type PreRegIdJson = z.infer<typeof PreRegIdJson>;

/** What fetching a PRID into a draft did, for the page's confirmation. */
export const PreRegistrationApplied = z.object({
  prid: PreRegistrationId,
  /** local: from the bulk download; server: fetched now */
  source: z.enum(['local', 'server']),
  /** field ids given a value from the application */
  prefilledFields: z.array(z.string()),
  /** fields of the application this form has no place for (not in the process spec) */
  ignoredFields: z.array(z.string()),
});
export type PreRegistrationApplied = z.infer<typeof PreRegistrationApplied>;
