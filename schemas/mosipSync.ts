import { z } from 'zod';

/** Response shapes of the syncdata / authmanager endpoints (packet-and-server-apis.md §4.1–§4.3). */

/** Decrypted token bundle of `POST /v1/syncdata/authenticate/useridpwd`. */
/**
 * A token lifetime: Keycloak's `expires_in`, SECONDS from now, passed through by kernel-auth-service
 * `AuthServiceImpl.authenticateUser` (setExpiryTime(Long.parseLong(getExpires_in()))) and syncdata
 * `SyncAuthTokenServiceImpl`. Bounded to a year, so an absolute epoch time is refused, not trusted.
 */
const LifetimeSeconds = z
  .number()
  .int()
  .positive('a token lifetime is a positive number of seconds')
  .max(366 * 86_400, 'a token lifetime is seconds from now (expires_in), not an absolute time');

export const TokenBundle = z.object({
  token: z.string().min(1),
  refreshToken: z.string().optional(),
  expiryTime: LifetimeSeconds,
  refreshExpiryTime: LifetimeSeconds.optional(),
  userId: z.string().optional(),
  timestamp: z.string().optional(),
});
export type TokenBundle = z.infer<typeof TokenBundle>;

/** `GET /v1/syncdata/getCertificate`. */
export const CertificateResponse = z.object({
  certificate: z.string().startsWith('-----BEGIN CERTIFICATE-----'),
  certSignRequest: z.string().nullish(),
  issuedAt: z.string().nullish(),
  expiryAt: z.string().nullish(),
  timestamp: z.string().nullish(),
});
export type CertificateResponse = z.infer<typeof CertificateResponse>;

/** `POST /v1/syncdata/tpm/publickey/verify`. */
export const PublicKeyVerifyResponse = z.object({ keyIndex: z.string() });

/** One entity of `GET /v1/syncdata/v2/clientsettings`; `data` is a client-crypto envelope of a JSON array. */
export const ClientSettingsEntity = z.object({
  entityName: z.string().min(1),
  entityType: z.string(),
  data: z.string().nullish(),
});
export const ClientSettingsResponse = z.object({
  lastSyncTime: z.string(),
  dataToSync: z.array(ClientSettingsEntity),
});
export type ClientSettingsResponse = z.infer<typeof ClientSettingsResponse>;

/** Entity types whose `data` names a file to download instead of carrying the rows (ClientSettingsHelper). */
export const URL_ENTITY_TYPES = ['structured-url', 'dynamic-url', 'script'] as const;
export type UrlEntityType = (typeof URL_ENTITY_TYPES)[number];

/** MOSIP's property strings ("true") and JSON booleans alike, as Java's JSONObject.getBoolean reads them. */
const JavaBoolean = z.union([z.boolean(), z.enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False'])]).transform((v) => v === true || String(v).toLowerCase() === 'true');

/**
 * The decrypted `data` of a `*-url` entity (ClientSettingsHelper.buildUrlDetailMap): where to fetch
 * the file, whether to send the session, whether the body is encrypted to the machine key, and
 * extra request headers as `Name:value,Name2:value2` (ServiceDelegateUtil.setHeaders).
 */
export const SyncEntityUrlDetail = z.object({
  url: z.string().min(1),
  'auth-required': JavaBoolean.nullish().transform((v) => v ?? false),
  'auth-token': z.string().nullish(),
  encrypted: JavaBoolean.nullish().transform((v) => v ?? false),
  headers: z.string().nullish(),
});
export type SyncEntityUrlDetail = z.infer<typeof SyncEntityUrlDetail>;

/** A master-data row: MOSIP entities differ in shape, but all rows are flat JSON objects. */
export const MasterDataRow = z.record(z.string(), z.unknown());
export type MasterDataRow = z.infer<typeof MasterDataRow>;

/** `GET /v1/syncdata/configs/{keyIndex}`; both values are client-crypto envelopes of a properties map. */
export const ConfigsResponse = z.object({
  configDetail: z.object({
    globalConfiguration: z.string().nullish(),
    registrationConfiguration: z.string().nullish(),
  }),
});
export const ConfigProperties = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ConfigProperties = z.infer<typeof ConfigProperties>;

/** `GET /v1/syncdata/v2/userdetails`; `userDetails` is a client-crypto envelope of a JSON array of users. */
export const UserDetailsResponse = z.object({
  lastSyncTime: z.string().nullish(),
  userDetails: z.string(),
});
export const SyncedUser = z.object({
  userId: z.string().min(1),
  name: z.string().nullish(),
  langCode: z.string().nullish(),
  regCenterId: z.string().nullish(),
  isActive: z.boolean().default(true),
  /** Not in every 1.2 build: when absent, roles come from the token claims at online login. */
  roles: z.array(z.string()).nullish(),
});
export type SyncedUser = z.infer<typeof SyncedUser>;

/** `GET /v1/syncdata/latestidschema`. */
export const IdSchemaResponse = z.object({
  id: z.string().nullish(),
  idVersion: z.number(),
  schemaJson: z.string().min(2),
  effectiveFrom: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  settings: z.unknown().optional(),
});
export type IdSchemaResponse = z.infer<typeof IdSchemaResponse>;

/** `GET /v1/syncdata/getcacertificates`. */
export const CaCertificate = z.object({
  certId: z.string(),
  certData: z.string().startsWith('-----BEGIN CERTIFICATE-----'),
  certThumbprint: z.string().nullish(),
  partnerDomain: z.string().nullish(),
  certSubject: z.string().nullish(),
  certIssuer: z.string().nullish(),
  certNotAfter: z.string().nullish(),
  isDeleted: z.boolean().nullish(),
  updatedtimes: z.string().nullish(),
});
export type CaCertificate = z.infer<typeof CaCertificate>;
export const CaCertificatesResponse = z.object({
  certificateDTOList: z.array(CaCertificate),
  lastSyncTime: z.string().nullish(),
});

/** Registration-processor shapes (§4.4–§4.6). */
export const RidSyncResult = z.object({
  registrationId: z.string(),
  packetId: z.string().nullish(),
  status: z.string(),
});
export const RidSyncError = z.object({
  errorCode: z.string(),
  message: z.string().default(''),
  registrationId: z.string().nullish(),
  status: z.string().nullish(),
});
export const PacketUploadResponse = z.object({ status: z.string() });
export const PacketExternalStatus = z.object({ packetId: z.string(), statusCode: z.string() });
export const RegistrationStatus = z.object({
  registrationId: z.string(),
  statusCode: z.string(),
  additionalInfoReqId: z.string().nullish(),
});

/** One record of the (plain) syncV2 request. */
export const RidSyncRecord = z.object({
  registrationId: z.string(),
  packetId: z.string(),
  additionalInfoReqId: z.string().nullable(),
  registrationType: z.string(),
  packetHashValue: z.string().regex(/^[0-9A-F]{64}$/, 'packet hash is 64 uppercase hex digits'),
  packetSize: z.number().int().positive(),
  supervisorStatus: z.enum(['APPROVED', 'REJECTED']),
  supervisorComment: z.string().nullable(),
  langCode: z.string().length(3),
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});
export type RidSyncRecord = z.infer<typeof RidSyncRecord>;
