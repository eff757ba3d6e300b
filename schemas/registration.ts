import { z } from 'zod';
import { CentreId, MachineId } from './machine';

/**
 * The input of the packet engine: one finished registration as the operator confirmed it.
 * Everything is plain JSON (bytes as standard base64) so the same object travels through the
 * CLI file, the worker boundary and the draft store unchanged.
 */

/**
 * Registration processes the packet engine supports. `CRVS_NEW` (a child from a registered birth)
 * and `CRVS_DEATH` (a death) are the process names of MOSIP's CRVS integration (docs.mosip.io 1.2.0
 * "MOSIP–CRVS integration"; mosip/registration docs/crvs-mosip-integration.md); regproc maps them to
 * its internal NEW / UPDATE handling through `registration.processor.additional-process.category-mapping`.
 */
export const RegistrationProcess = z.enum(['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH']);
export type RegistrationProcess = z.infer<typeof RegistrationProcess>;

/**
 * The id of a server-side request for more information (MOSIP regproc
 * `WorkflowInternalActionVerticle.createAdditionalRequestId`): `<RID>-<process>-<iteration>`. A
 * sub-process packet (BIOMETRIC_CORRECTION) reuses the RID before the first `-`, as the Java
 * client does (`PacketHandlerServiceImpl.handle`: `getAdditionalInfoReqId().split("-")[0]`).
 */
export const AdditionalInfoReqId = z.string().regex(/^\d{29}-[A-Z][A-Z_]*-[1-9]\d*$/, 'additional info request id is <29-digit RID>-<PROCESS>-<iteration>');

/** The RID an additional-info request id names (its part before the first `-`). */
export function ridOfAdditionalInfoReqId(id: string): string {
  return id.split('-')[0]!;
}

/**
 * Processes that answer a server request instead of starting a registration: the packet receiver
 * refuses them without an additional-info request (`registration.processor.sub-processes`).
 */
export const SUB_PROCESSES: readonly RegistrationProcess[] = ['BIOMETRIC_CORRECTION'];

/** ISO 639-3 language code as MOSIP uses it (`por`, `eng`). */
export const LanguageCode = z.string().regex(/^[a-z]{3}$/, 'language code is 3 lowercase letters');

/**
 * Standard base64 of raw bytes (documents, ISO records). Only the length is checked here: a regex
 * over megabytes costs tens of ms; the packet engine decodes strictly (`decodeBase64Strict`).
 */
export const Base64Bytes = z.string().refine((s) => s.length % 4 === 0, 'standard base64 (length is a multiple of 4)');

/** A MOSIP `simpleType` value: one entry per language. */
export const SimpleTypeValue = z.array(z.object({ language: LanguageCode, value: z.string() })).min(1);
export type SimpleTypeValue = z.infer<typeof SimpleTypeValue>;

/** A demographic value as ID.json stores it: a string, a number, or a multi-language list. */
export const DemographicValue = z.union([z.string(), z.number(), SimpleTypeValue]);
export type DemographicValue = z.infer<typeof DemographicValue>;

/** MOSIP bio attribute names (ID schema `bioAttributes`). */
export const BioAttribute = z.enum([
  'rightIndex', 'rightMiddle', 'rightRing', 'rightLittle', 'rightThumb',
  'leftIndex', 'leftMiddle', 'leftRing', 'leftLittle', 'leftThumb',
  'rightEye', 'leftEye', 'face',
]);
export type BioAttribute = z.infer<typeof BioAttribute>;

export const BioType = z.enum(['Finger', 'Iris', 'Face']);
export type BioType = z.infer<typeof BioType>;

/** The device that produced a capture, as `capturedRegisteredDevices` records it. */
export const RegistrationCaptureDevice = z.object({
  deviceCode: z.string(),
  deviceServiceVersion: z.string(),
  digitalId: z.object({
    dateTime: z.string(),
    deviceProvider: z.string(),
    deviceProviderId: z.string(),
    make: z.string(),
    model: z.string(),
    serialNo: z.string(),
    deviceSubType: z.string(),
    type: z.string(),
  }),
});
export type RegistrationCaptureDevice = z.infer<typeof RegistrationCaptureDevice>;

/**
 * One verified SBI capture as the packet needs it. TODO(#3): derive from the SBI capture type in
 * schemas/sbi*.ts once the device engineer lands it; the field names follow the SBI 0.9.5 spec.
 */
export const RegistrationBiometricCapture = z.object({
  attribute: BioAttribute,
  bioType: BioType,
  /** SBI bioSubType, e.g. `Right IndexFinger`, `Left` (iris), `` (face) */
  bioSubType: z.string(),
  /** the `data` member of the SBI capture response: a compact JWS, kept byte-for-byte */
  signedData: z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, 'compact JWS'),
  /** the ISO 19794 record (the decoded bioValue) */
  iso: Base64Bytes,
  qualityScore: z.number().min(0).max(100),
  specVersion: z.string().default('0.9.5'),
  retries: z.number().int().min(0).default(1),
  forceCaptured: z.boolean().default(false),
  /** epoch ms */
  capturedAt: z.number().int(),
  device: RegistrationCaptureDevice,
});
export type RegistrationBiometricCapture = z.infer<typeof RegistrationBiometricCapture>;

/** A biometric the operator marked as missing (amputation, injury…). */
export const RegistrationBiometricException = z.object({
  attribute: BioAttribute,
  bioType: BioType,
  bioSubType: z.string(),
  /** MOSIP exception reason code, e.g. `Permanent` / `Temporary` */
  reason: z.string().min(1),
  /**
   * meta info `individualType`: the biometrics field's UI-spec `subType` (`applicant`, `introducer`),
   * as the Java client passes it (GenericBiometricsController → RegistrationDTO.addBiometricException);
   * absent, the field id is written
   */
  individualType: z.string().min(1).optional(),
});
export type RegistrationBiometricException = z.infer<typeof RegistrationBiometricException>;

/** All captures of one biometric ID-schema field (e.g. `individualBiometrics`). */
export const RegistrationBiometricField = z.object({
  captures: z.array(RegistrationBiometricCapture),
  exceptions: z.array(RegistrationBiometricException).default([]),
  /**
   * the face capture that proves the marked exceptions: MOSIP 1.2.0.x keeps it as a biometric of
   * the field (bio attribute `unknown`, CBEFF type `ExceptionPhoto`), not as a document
   */
  exceptionPhoto: RegistrationBiometricCapture.optional(),
});
export type RegistrationBiometricField = z.infer<typeof RegistrationBiometricField>;

/** One uploaded or scanned document of a `documentType` field. */
export const RegistrationDocument = z.object({
  /** document category code, e.g. POA, POI, POE */
  category: z.string().min(1),
  /** document type code, e.g. RNC, DOC001 */
  type: z.string().min(1),
  /** file extension stored in the packet, e.g. pdf, jpg */
  format: z.string().regex(/^[a-z0-9]{1,8}$/, 'format is a short lowercase file extension'),
  refNumber: z.string().nullable().default(null),
  owner: z.string().default('Applicant'),
  content: Base64Bytes.min(1, 'document is empty'),
});
export type RegistrationDocument = z.infer<typeof RegistrationDocument>;

/**
 * Who registered and who approved, and how each authenticated for THIS packet (metaInfo
 * operationsData). A factor is true only when it was checked for the packet, so nothing defaults to true.
 */
export const RegistrationOperators = z.object({
  officerId: z.string().min(1),
  officerPassword: z.boolean().default(false),
  officerOtp: z.boolean().default(false),
  supervisorId: z.string().nullable().default(null),
  supervisorPassword: z.boolean().default(false),
  supervisorOtp: z.boolean().default(false),
});
export type RegistrationOperators = z.infer<typeof RegistrationOperators>;

/** One audit entry carried in the packet's audit.json. */
export const RegistrationAuditEntry = z.object({
  uuid: z.string().min(1),
  /** epoch ms */
  at: z.number().int(),
  eventId: z.string().min(1),
  eventName: z.string().min(1),
  eventType: z.string().min(1),
  moduleId: z.string().default('REG-MOD-100'),
  moduleName: z.string().default('Registration'),
  description: z.string().default(''),
  sessionUserId: z.string().default(''),
  sessionUserName: z.string().default(''),
});
export type RegistrationAuditEntry = z.infer<typeof RegistrationAuditEntry>;

/** A whole registration, ready to become a packet. */
export const RegistrationInput = z.object({
  process: RegistrationProcess,
  /** ID schema version as a number (ID.json `IDSchemaVersion`) */
  idSchemaVersion: z.number().positive(),
  centreId: CentreId,
  machineId: MachineId,
  /** when absent, the engine allocates one from the RID sequence */
  rid: z.string().regex(/^\d{29}$/, 'RID is 29 digits').optional(),
  preRegistrationId: z.string().nullable().default(null),
  /** BIOMETRIC_CORRECTION: the server's request this packet answers; its RID becomes the packet's */
  additionalInfoReqId: AdditionalInfoReqId.nullable().default(null),
  langCodes: z.array(LanguageCode).min(1),
  consent: z.boolean(),
  clientVersion: z.string().default('0.1.0'),
  /** epoch ms when the operator confirmed the registration */
  createdAt: z.number().int(),
  demographics: z.record(z.string(), DemographicValue),
  documents: z.record(z.string(), RegistrationDocument).default({}),
  biometrics: z.record(z.string(), RegistrationBiometricField).default({}),
  operators: RegistrationOperators,
  audits: z.array(RegistrationAuditEntry).min(1, 'a packet needs at least one audit entry'),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;
/** What callers write (defaults not yet applied). */
export type RegistrationInputDraft = z.input<typeof RegistrationInput>;

/** One field-level problem: which field, which rule, in English for logs. */
export const RegistrationIssue = z.object({ field: z.string(), rule: z.string(), message: z.string() });
export type RegistrationIssue = z.infer<typeof RegistrationIssue>;
