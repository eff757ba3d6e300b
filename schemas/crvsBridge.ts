import { z } from 'zod';

/**
 * The CRVS bridge (`regclient bridge`): what OpenCRVS sends it, what it keeps and what MOSIP's
 * WebSub hub sends back. Outside data is parsed here once, at the edge that receives it.
 */

/** The largest webhook body the bridge reads; a bigger one is refused before it is buffered. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;
/** The largest WebSub delivery the bridge reads (an encrypted credential is a few kilobytes). */
export const MAX_WEBSUB_BYTES = 256 * 1024;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a real date');
const text = (max: number) => z.string().trim().min(1).max(max);
const uinOrVid = z.string().regex(/^\d{10,16}$/, 'UIN (10 digits) or VID (16 digits)');

/**
 * `requestFields` of a birth: keyed by the MOSIP ID schema field ids, as OpenCRVS's countryconfig
 * builds them for its MOSIP integration (opencrvs/mosip `packages/mosip-api/src/mosip-api.ts`
 * maps them onto the schema; `BirthRequestFieldsSchema` is a loose object keyed by
 * `birthCertificateNumber`). The fields the CRVS_NEW packet needs are typed; others are ignored.
 */
export const BirthRequestFields = z.looseObject({
  birthCertificateNumber: text(64),
  deathCertificateNumber: z.undefined().optional(),
  fullName: text(200),
  dateOfBirth: isoDate,
  gender: text(64),
  region: text(100),
  province: text(100),
  birthRegistrationDate: isoDate.optional(),
  introducerName: text(200).optional(),
  introducerUIN: uinOrVid.optional(),
});
export type BirthRequestFields = z.infer<typeof BirthRequestFields>;

/** `requestFields` of a death (`DeathRequestFieldsSchema`: keyed by `deathCertificateNumber`); the deceased's UIN or VID in `UIN`. */
export const DeathRequestFields = z.looseObject({
  deathCertificateNumber: text(64),
  birthCertificateNumber: z.undefined().optional(),
  UIN: uinOrVid,
  deceasedDeclarationDate: isoDate.optional(),
  typeOfDeath: text(64).optional(),
  deceasedInformer: z.string().regex(/^\d{10,29}$/, 'UIN, VID or RID').optional(),
});
export type DeathRequestFields = z.infer<typeof DeathRequestFields>;

/**
 * `requestFields` of a legal correction (opencrvs/mosip `CorrectionRequestFieldsSchema`): the
 * person's UIN or VID in `VID`, and the corrected fields; no certificate number.
 */
export const CorrectionRequestFields = z.looseObject({
  VID: uinOrVid,
  fullName: text(200).optional(),
  dateOfBirth: isoDate.optional(),
  gender: text(64).optional(),
  birthCertificateNumber: z.undefined().optional(),
  deathCertificateNumber: z.undefined().optional(),
});
export type CorrectionRequestFields = z.infer<typeof CorrectionRequestFields>;

/**
 * OpenCRVS's National ID webhook body: `MosipInteropPayload` of `@opencrvs/mosip`
 * (opencrvs/mosip `packages/api/src/index.ts` and `MosipInteropPayloadSchema`), with `eventId`,
 * which OpenCRVS 2.1 puts in the payload (opencrvs-core CHANGELOG 2.1.0) for the confirm call. Bounded everywhere.
 */
export const MosipInteropPayload = z.object({
  trackingId: text(64),
  eventId: text(100).optional(),
  notification: z.object({ recipientFullName: z.string().max(200), recipientEmail: z.string().max(200), recipientPhone: z.string().max(40) }),
  requestFields: z.union([BirthRequestFields, DeathRequestFields, CorrectionRequestFields]),
  schemaJson: z.string().max(16_384).optional(),
  metaInfo: z.record(z.string().max(100), z.unknown()),
  audit: z.record(z.string().max(100), z.unknown()),
});
export type MosipInteropPayload = z.infer<typeof MosipInteropPayload>;

/** A registered birth or death, a legal correction, or the revocation of a birth or death (`POST /events/revocation`). */
export const CrvsEventKind = z.enum(['BIRTH', 'DEATH', 'CORRECTION', 'BIRTH_REVOKED', 'DEATH_REVOKED']);
export type CrvsEventKind = z.infer<typeof CrvsEventKind>;

/**
 * Where an event is: RECEIVED (stored, no packet yet) → QUEUED (its packet is in the outbox:
 * RID sync, upload) → ISSUED (MOSIP's credential named its RID: national ID known, the CRVS
 * system not yet told) → CONFIRMED; PARKED when a person must act (`crvs replay`).
 */
export const CrvsEventState = z.enum(['RECEIVED', 'QUEUED', 'ISSUED', 'CONFIRMED', 'PARKED']);
export type CrvsEventState = z.infer<typeof CrvsEventState>;

/** One event as `regclient crvs list` shows it. Times are epoch ms. */
export const CrvsEvent = z.object({
  /** OpenCRVS's event id (`eventId`, else `trackingId`): the key duplicates are recognised by */
  eventId: z.string(),
  trackingId: z.string(),
  kind: CrvsEventKind,
  /** the birth or death certificate number, sent back as `registrationNumber` */
  registrationNumber: z.string(),
  state: CrvsEventState,
  /** the AID: the RID of the packet that carries the event */
  rid: z.string().nullable(),
  /** the national ID the credential carried (a death: the deceased's, unchanged) */
  nationalId: z.string().nullable(),
  /** a death's identity is marked deceased (set when its credential came back) */
  deceased: z.boolean(),
  receivedAt: z.number().int(),
  updatedAt: z.number().int(),
  confirmedAt: z.number().int().nullable(),
  attempts: z.number().int().nonnegative(),
  lastErrorCode: z.string().nullable(),
});
export type CrvsEvent = z.infer<typeof CrvsEvent>;

/**
 * MOSIP's CREDENTIAL_ISSUED WebSub delivery, as OpenCRVS's mediator reads it (opencrvs/mosip
 * `packages/mosip-api/src/routes/websub-credential-issued.ts` `CredentialIssuedSchema`).
 */
export const CredentialIssued = z.object({
  publisher: z.string().max(200),
  topic: z.string().max(300),
  publishedOn: z.string().max(40),
  event: z.object({
    id: z.string().max(100),
    transactionId: z.string().max(100),
    type: z.object({ namespace: z.string().max(100), name: z.string().max(100) }),
    timestamp: z.string().max(40),
    data: z.object({
      registrationId: z.string().regex(/^\d{29}$/, 'RID is 29 digits'),
      credential: z.string().min(1).max(200_000),
      credentialType: z.string().max(40),
      protectionKey: z.string().max(200).nullable().optional(),
    }),
  }),
});
export type CredentialIssued = z.infer<typeof CredentialIssued>;

/** The decrypted verifiable credential: the fields the bridge reads (`credentialSubject`). */
export const IssuedCredential = z.object({
  credentialSubject: z.looseObject({ id: z.string().max(300), UIN: z.string().max(40).optional(), VID: z.string().max(40).optional() }),
});
export type IssuedCredential = z.infer<typeof IssuedCredential>;

/**
 * A revocation in the civil registry of an event the bridge holds. OpenCRVS's MOSIP integration has
 * no revocation payload (opencrvs/mosip lists revocation as future work), so this shape is the
 * bridge's own: the revocation's id, the revoked event's id, and why.
 */
export const CrvsRevocation = z.strictObject({
  eventId: text(100),
  revokes: text(100),
  reason: text(500),
});
export type CrvsRevocation = z.infer<typeof CrvsRevocation>;

/**
 * How the bridge confirms the national ID back to OpenCRVS: `v1-graphql`, the GraphQL
 * `confirmRegistration` mutation (opencrvs/mosip before 1.9); `v2-events`, OpenCRVS's events API,
 * tRPC `event.actions.register.accept` with the action-confirmation token OpenCRVS sent with the
 * event (opencrvs/mosip 1.9 `packages/mosip-api/src/opencrvs-api.ts`; opencrvs-core
 * `packages/events/src/router/event/actions/index.ts`).
 */
export const CrvsConfirmApi = z.enum(['v1-graphql', 'v2-events']);
export type CrvsConfirmApi = z.infer<typeof CrvsConfirmApi>;

/**
 * The claims of OpenCRVS's action-confirmation token that the confirm call needs (opencrvs-core
 * `packages/auth/src/features/authenticate/service.ts` `createTokenForActionConfirmation`).
 */
export const OpenCrvsActionClaims = z.object({
  eventId: z.string().min(1).max(100),
  actionId: z.string().min(1).max(100),
});
export type OpenCrvsActionClaims = z.infer<typeof OpenCrvsActionClaims>;

/** An event's OpenCRVS v2 action: its ids and the token the accept call must carry. */
export const OpenCrvsAction = OpenCrvsActionClaims.extend({ token: z.string().min(1).max(8192) });
export type OpenCrvsAction = z.infer<typeof OpenCrvsAction>;

/** The bridge's settings that are not secret (`<dataDir>/crvs-bridge.json`, written by `regclient bridge init`). */
export const CrvsBridgeConfig = z
  .object({
    /** MOSIP partner id: the bridge subscribes to `<partnerId>/CREDENTIAL_ISSUED` */
    partnerId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    /** where MOSIP's hub calls back: this bridge's public URL + `/websub/callback` */
    callbackUrl: z.url(),
    /** OpenCRVS's GraphQL gateway (`v1-graphql`) or its events tRPC base, `<gateway>/events` (`v2-events`) */
    confirmUrl: z.url(),
    /** which confirm call (older files: `v1-graphql`) */
    confirmApi: CrvsConfirmApi.default('v1-graphql'),
    /** `v2-events`: OpenCRVS's auth public key (PEM), which signs the token each event arrives with */
    opencrvsPublicKeyPem: z.string().max(20_000).regex(/-----BEGIN PUBLIC KEY-----/, 'a PEM public key').optional(),
    /** the language the packet's text fields are written in */
    language: z.string().regex(/^[a-z]{3}$/).default('por'),
    /** the partner certificate MOSIP encrypts credentials to (PEM; public, its key is kept wrapped) */
    partnerCertPem: z.string().max(20_000).regex(/-----BEGIN CERTIFICATE-----/),
  })
  .strict()
  .refine((c) => c.confirmApi !== 'v2-events' || c.opencrvsPublicKeyPem !== undefined, { message: 'v2-events needs OpenCRVS\'s public key', path: ['opencrvsPublicKeyPem'] });
export type CrvsBridgeConfig = z.infer<typeof CrvsBridgeConfig>;
