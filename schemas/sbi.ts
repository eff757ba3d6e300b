import { z } from 'zod';
import { ErrorCodeField } from './errors';

/**
 * SBI / MDS 0.9.5 message shapes (shared/reference/sbi-protocol.md §2) and the capture result the
 * packet engine consumes. Wire schemas are liberal where vendors differ (unknown keys pass, `error`
 * may be missing); the checks that protect the packet live in native/sbi.
 */

/** The SBI spec version we send; devices listing "1.0.0" are accepted too (§0). */
export const SBI_SPEC_VERSION = '0.9.5';
export const ACCEPTED_SPEC_VERSIONS: readonly string[] = ['0.9.5', '1.0.0'];

export const BioType = z.enum(['Finger', 'Iris', 'Face']);
export type BioType = z.infer<typeof BioType>;

export const FingerSubType = z.enum([
  'Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger', 'Left Thumb',
  'Right IndexFinger', 'Right MiddleFinger', 'Right RingFinger', 'Right LittleFinger', 'Right Thumb',
]);
export type FingerSubType = z.infer<typeof FingerSubType>;
export const IrisSubType = z.enum(['Left', 'Right']);
export type IrisSubType = z.infer<typeof IrisSubType>;
/** A finger or iris name as MDS spells it (exceptions and bioSubType). */
export const BioSubType = z.union([FingerSubType, IrisSubType]);
export type BioSubType = z.infer<typeof BioSubType>;

/** The five registration captures plus the exception photo (§1.7). */
export const Modality = z.enum(['left-slap', 'right-slap', 'thumbs', 'iris', 'face', 'exception-photo']);
export type Modality = z.infer<typeof Modality>;

export const DeviceStatus = z.enum(['Ready', 'Busy', 'Not Ready', 'Not Registered']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const SbiEnv = z.enum(['Staging', 'Developer', 'Pre-Production', 'Production']);
export type SbiEnv = z.infer<typeof SbiEnv>;

/** `{errorCode, errorInfo}` as every SBI response carries it. */
export const SbiErrorInfo = z.object({ errorCode: z.string(), errorInfo: z.string().default('') });
export type SbiErrorInfo = z.infer<typeof SbiErrorInfo>;

/** Decoded digitalId payload (§2.2). */
export const DigitalId = z.object({
  serialNo: z.string().min(1),
  make: z.string().min(1),
  model: z.string().min(1),
  type: BioType,
  deviceSubType: z.string().min(1),
  deviceProvider: z.string().min(1),
  deviceProviderId: z.string().min(1),
  dateTime: z.string().min(1),
});
export type DigitalId = z.infer<typeof DigitalId>;

/** One element of a MOSIPDISC answer (§2.1). */
export const DiscoveredDevice = z.object({
  deviceId: z.string().optional(),
  deviceStatus: z.string().optional(),
  certification: z.string().optional(),
  serviceVersion: z.string().optional(),
  deviceSubId: z.array(z.string()).optional(),
  callbackId: z.string().optional(),
  digitalId: z.string().optional(),
  deviceCode: z.string().optional(),
  specVersion: z.array(z.string()).optional(),
  purpose: z.string().optional(),
  error: SbiErrorInfo.optional(),
});
export const DiscoverResponse = z.array(DiscoveredDevice);

/** One element of a MOSIPDINFO answer: a JWS (or bare base64url when Not Registered). */
export const DeviceInfoElement = z.object({ deviceInfo: z.string().optional(), error: SbiErrorInfo.optional() });
export const DeviceInfoResponse = z.array(DeviceInfoElement);

/** Decoded deviceInfo payload (§2.2); `digitalId` is still the signed JWS text. */
export const DeviceInfoPayload = z.object({
  deviceStatus: DeviceStatus,
  deviceId: z.string(),
  firmware: z.string(),
  certification: z.string(),
  serviceVersion: z.string(),
  deviceSubId: z.array(z.string()),
  callbackId: z.string(),
  digitalId: z.string(),
  deviceCode: z.string(),
  env: z.string(),
  purpose: z.string(),
  specVersion: z.array(z.string()),
});
export type DeviceInfoPayload = z.infer<typeof DeviceInfoPayload>;

/** RCAPTURE request (§2.3). Numeric-looking fields are strings on the wire. */
export const CaptureRequest = z.object({
  env: SbiEnv,
  purpose: z.literal('Registration'),
  specVersion: z.string(),
  timeout: z.string().regex(/^\d+$/),
  captureTime: z.string().min(1),
  transactionId: z.string().regex(/^[A-Za-z0-9-]{4,50}$/),
  bio: z
    .array(
      z.object({
        type: BioType,
        count: z.string().regex(/^\d+$/),
        bioSubType: z.array(z.string()),
        exception: z.array(z.string()),
        requestedScore: z.string().regex(/^\d+$/),
        deviceId: z.string().min(1),
        deviceSubId: z.string().regex(/^\d+$/),
        previousHash: z.string(),
      }),
    )
    .length(1),
  customOpts: z.record(z.string(), z.unknown()).nullable(),
});
export type CaptureRequest = z.infer<typeof CaptureRequest>;

/** RCAPTURE response element (§2.4). */
export const CaptureResponseElement = z.object({
  specVersion: z.string().default(''),
  data: z.string().default(''),
  hash: z.string().default(''),
  error: SbiErrorInfo.optional(),
});
export const CaptureResponse = z.object({ biometrics: z.array(CaptureResponseElement) });

/** Decoded `data` payload of an RCAPTURE element (§2.5). Scores are strings on the wire. */
export const CaptureDataPayload = z.object({
  digitalId: z.string(),
  deviceCode: z.string(),
  deviceServiceVersion: z.string(),
  bioType: z.string(),
  bioSubType: z.string().optional(),
  purpose: z.string(),
  env: z.string(),
  bioValue: z.string(),
  transactionId: z.string(),
  timestamp: z.string(),
  requestedScore: z.string(),
  qualityScore: z.string(),
});
export type CaptureDataPayload = z.infer<typeof CaptureDataPayload>;

/** STREAM request (§4). */
export const StreamRequest = z.object({ deviceId: z.string(), deviceSubId: z.string(), timeout: z.string().optional() });

/** Operator-readable device state derived from `deviceStatus`. */
export const DeviceState = z.enum(['ready', 'busy', 'notReady', 'notRegistered']);
export type DeviceState = z.infer<typeof DeviceState>;

/** A device that passed every device-info check (signature, dates, trust, digitalId). */
export const SbiDevice = z.object({
  port: z.number().int(),
  /** base URL used for capture/stream, always http://127.0.0.1:<port>/ */
  baseUrl: z.string(),
  deviceId: z.string(),
  deviceSubIds: z.array(z.string()),
  state: DeviceState,
  status: DeviceStatus,
  certification: z.string(),
  purpose: z.string(),
  env: z.string(),
  serviceVersion: z.string(),
  firmware: z.string(),
  specVersions: z.array(z.string()),
  deviceCode: z.string(),
  digitalId: DigitalId,
  /** SHA-256 thumbprint (hex) of the device certificate */
  certThumbprint: z.string(),
});
export type SbiDevice = z.infer<typeof SbiDevice>;

/** A port that answered but whose device was refused, with the error code why. */
export const RejectedDevice = z.object({ port: z.number().int(), code: ErrorCodeField, message: z.string() });
export type RejectedDevice = z.infer<typeof RejectedDevice>;

/** Result of one discovery scan. */
export const DiscoveryResult = z.object({
  devices: z.array(SbiDevice),
  rejected: z.array(RejectedDevice),
  scannedPorts: z.number().int(),
  elapsedMs: z.number(),
});
export type DiscoveryResult = z.infer<typeof DiscoveryResult>;

/**
 * One biometric as the device signed it: what the packet engine turns into a CBEFF BIR.
 * `data` and `payloadText` are kept byte-for-byte as received; the server rebuilds the JWS from
 * `payloadText` with `<bioValue>` substituted and re-verifies it (sbi-protocol.md §3.4).
 */
export const CapturedBiometric = z.object({
  /** `Finger` | `Iris` | `Face` */
  bioType: BioType,
  /** MDS subtype name; absent for face and the exception photo */
  bioSubType: BioSubType.optional(),
  /** the exact signed `data` compact JWS string from the device */
  data: z.string(),
  /** the exact decoded JWS payload text (UTF-8 JSON), never re-serialized */
  payloadText: z.string(),
  /** ISO/IEC 19794 record as unpadded base64url, exactly as the device sent it (decode for the BDB) */
  bioValue: z.string(),
  /** qualityScore as sent (string, e.g. "44.0") */
  qualityScoreText: z.string(),
  /** qualityScore parsed, 0..100 */
  qualityScore: z.number().min(0).max(100),
  /** requestedScore as echoed by the device */
  requestedScore: z.string(),
  /** capture time as sent, `yyyy-MM-ddTHH:mm:ssZ` */
  timestamp: z.string(),
  transactionId: z.string(),
  /** the signed digitalId JWS from the payload, as sent */
  digitalId: z.string(),
  /** digitalId decoded (already verified) */
  digitalIdDecoded: DigitalId,
  deviceCode: z.string(),
  deviceServiceVersion: z.string(),
  purpose: z.string(),
  env: z.string(),
  /** the element's specVersion echo */
  specVersion: z.string(),
  /** `previousHash` this element chained from (uppercase hex, or "" for the first link) */
  previousHash: z.string(),
  /** the hash this element contributed to the chain (64 uppercase hex) */
  hash: z.string(),
});
export type CapturedBiometric = z.infer<typeof CapturedBiometric>;

/** One accepted RCAPTURE: every element passed every check. */
export const CaptureResult = z.object({
  modality: Modality,
  transactionId: z.string(),
  specVersion: z.string(),
  requestedScore: z.number().int(),
  /** biometrics marked missing by the operator (MDS names), not captured */
  exceptions: z.array(BioSubType),
  biometrics: z.array(CapturedBiometric),
  /** mean qualityScore of the captured biometrics */
  averageQuality: z.number(),
  /** the last hash of the chain after this capture: pass it as the next `previousHash` */
  lastHash: z.string(),
  /** serialNo of the device that captured */
  deviceSerialNo: z.string(),
  /** non-fatal findings (e.g. a hash-chain mismatch when that check is downgraded) */
  warnings: z.array(z.string()),
  capturedAt: z.number().int(),
});
export type CaptureResult = z.infer<typeof CaptureResult>;

/** The outcome of the quality policy for one modality (retries, best attempt, force-capture). */
export const CaptureOutcome = z.object({
  result: CaptureResult,
  /** 1-based number of the attempt kept */
  attempt: z.number().int().positive(),
  attempts: z.array(z.object({ attempt: z.number().int(), averageQuality: z.number() })),
  threshold: z.number(),
  isForceCaptured: z.boolean(),
});
export type CaptureOutcome = z.infer<typeof CaptureOutcome>;

/** One JPEG frame of a live preview. */
export interface StreamFrame {
  readonly index: number;
  readonly jpeg: Uint8Array;
}

/** Keymanager trust domains whose CA certificates anchor device (SBI) certificates (sbi-protocol.md §3.2). */
export const TrustDomain = z.enum(['DEVICE', 'FTM']);
export type TrustDomain = z.infer<typeof TrustDomain>;

/** SHA-256 of a certificate's DER, lowercase hex: how a trust anchor is named. */
export const CertThumbprint = z.string().regex(/^[0-9a-f]{64}$/, 'a thumbprint is the SHA-256 of the certificate: 64 lowercase hex digits');

/**
 * One CA certificate the device trust store holds: synced from the server (`getcacertificates`,
 * managed there) or a PEM file in the data dir's `trust/` folder (added on this machine).
 */
export const TrustAnchor = z.object({
  thumbprint: CertThumbprint,
  /** distinguished names, RDNs joined with ", " as OpenSSL prints them */
  subject: z.string(),
  issuer: z.string(),
  /** epoch ms */
  validFrom: z.number().int(),
  validTo: z.number().int(),
  expired: z.boolean(),
  notYetValid: z.boolean(),
  /** a root: a device chain can end here; a CA that is not self-signed only helps with its root */
  selfSigned: z.boolean(),
  domain: TrustDomain,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('server'), partnerDomain: z.string(), certId: z.string() }),
    z.object({ kind: z.literal('local'), fileName: z.string() }),
  ]),
});
export type TrustAnchor = z.infer<typeof TrustAnchor>;
