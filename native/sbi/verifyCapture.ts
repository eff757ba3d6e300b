import { AppError } from '../../schemas/errors';
import { CaptureDataPayload, CaptureResponse, type BioSubType, type CapturedBiometric, type CaptureRequest, type CaptureResult, type Modality, type SbiDevice, type TrustDomain } from '../../schemas/sbi';
import { decodeCanonicalBase64url } from './base64url';
import { checkIsoImage } from './checkIsoImage';
import { chainHash } from './hashChain';
import { MDS_TIMESTAMP_PATTERN, parseMdsTimestamp } from './mdsTimestamp';
import { ISO_FORMAT_ID, MODALITIES } from './modalities';
import type { TrustStore } from './TrustStore';
import { parseJsonOrUndefined, verifyDigitalId } from './verifyDeviceInfo';
import { verifyJws } from './verifyJws';

/** Everything the checks of one RCAPTURE response need. */
export interface CaptureCheckContext {
  readonly device: SbiDevice;
  readonly modality: Modality;
  readonly request: CaptureRequest;
  readonly exceptions: readonly BioSubType[];
  readonly trust: TrustStore;
  readonly now: number;
  readonly clockSkewMs: number;
  readonly timestampWindowMs: number;
  readonly hashChainPolicy: 'strict' | 'warn';
  readonly digitalIdDomain: TrustDomain;
}

const DEVICE_STATE_CODES: Readonly<Record<string, 'ERR_SBI_DEVICE_NOT_READY' | 'ERR_SBI_DEVICE_BUSY' | 'ERR_SBI_DEVICE_NOT_REGISTERED'>> = {
  '100': 'ERR_SBI_DEVICE_NOT_REGISTERED', '110': 'ERR_SBI_DEVICE_NOT_READY', '111': 'ERR_SBI_DEVICE_BUSY', '703': 'ERR_SBI_DEVICE_BUSY',
};

/** Subtypes this capture may return: the modality's set minus exceptions, narrowed to those requested. */
function allowedSubTypes(ctx: CaptureCheckContext): string[] {
  const requested = ctx.request.bio[0]?.bioSubType.filter((s) => s !== 'UNKNOWN') ?? [];
  return MODALITIES[ctx.modality].subTypes.filter((s) => !ctx.exceptions.includes(s) && (requested.length === 0 || requested.includes(s)));
}

/**
 * Checks a whole RCAPTURE response (sbi-protocol.md §3.3 "On every RCAPTURE element") and returns
 * the accepted biometrics with their signed text kept byte-for-byte. Any failed element fails the
 * whole capture: no rejected capture ever reaches a registration.
 * @throws AppError ERR_SBI_MALFORMED_RESPONSE, ERR_SBI_DEVICE_ERROR (and the device-state codes),
 *   ERR_SBI_ELEMENT_COUNT, the verifyJws codes, ERR_SBI_TRANSACTION_ID_MISMATCH,
 *   ERR_SBI_SPEC_VERSION_MISMATCH, ERR_SBI_DIGITAL_ID_INVALID, ERR_SBI_DIGITAL_ID_MISMATCH,
 *   ERR_SBI_TIMESTAMP_FORMAT, ERR_SBI_TIMESTAMP_OUT_OF_WINDOW, ERR_SBI_BIO_TYPE_MISMATCH, ERR_SBI_BIO_SUBTYPE_UNEXPECTED,
 *   ERR_SBI_BIO_SUBTYPE_DUPLICATE, ERR_SBI_QUALITY_INVALID, ERR_SBI_BIOVALUE_NOT_CANONICAL,
 *   ERR_SBI_ISO_INVALID, ERR_SBI_IMAGE_TOO_LARGE, ERR_SBI_IMAGE_FORMAT, ERR_SBI_HASH_CHAIN_BROKEN (strict policy)
 */
export function verifyCaptureResponse(bodyText: string, ctx: CaptureCheckContext): CaptureResult {
  const port = ctx.device.port;
  const parsed = CaptureResponse.safeParse(parseJsonOrUndefined(bodyText));
  if (!parsed.success) throw new AppError('ERR_SBI_MALFORMED_RESPONSE', { port, method: 'RCAPTURE', issue: 'not {biometrics: [...]}' });
  const elements = parsed.data.biometrics;
  const failed = elements.find((e) => (e.error && e.error.errorCode !== '0') || e.data === '');
  if (failed || elements.length === 0) {
    const errorCode = failed?.error?.errorCode ?? '999';
    const stateCode = DEVICE_STATE_CODES[errorCode];
    if (stateCode) throw new AppError(stateCode, { port, deviceId: ctx.device.deviceId });
    throw new AppError('ERR_SBI_DEVICE_ERROR', { port, errorCode, errorInfo: failed?.error?.errorInfo ?? 'empty data' });
  }
  const bio = ctx.request.bio[0]!;
  const expected = Number(bio.count);
  if (elements.length !== expected) throw new AppError('ERR_SBI_ELEMENT_COUNT', { port, expected, received: elements.length });
  const allowed = allowedSubTypes(ctx);
  const seen = new Set<string>();
  const warnings: string[] = [];
  const biometrics: CapturedBiometric[] = [];
  let previousHash = bio.previousHash;
  elements.forEach((element, index) => {
    const biometric = verifyElement(element, index, previousHash, ctx, allowed, seen, warnings);
    biometrics.push(biometric);
    previousHash = element.hash;
  });
  const averageQuality = biometrics.reduce((sum, b) => sum + b.qualityScore, 0) / biometrics.length;
  return {
    modality: ctx.modality,
    transactionId: ctx.request.transactionId,
    specVersion: ctx.request.specVersion,
    requestedScore: Number(bio.requestedScore),
    exceptions: [...ctx.exceptions],
    biometrics,
    averageQuality,
    lastHash: previousHash,
    deviceSerialNo: ctx.device.digitalId.serialNo,
    warnings,
    capturedAt: ctx.now,
  };
}

/** A capture time in MOSIP's strict format (else ERR_SBI_TIMESTAMP_FORMAT) within the window of the host clock. */
function checkTimestamp(field: 'timestamp' | 'digitalId.dateTime', timestamp: string, ctx: CaptureCheckContext): void {
  const port = ctx.device.port;
  const at = parseMdsTimestamp(timestamp);
  if (at === undefined) throw new AppError('ERR_SBI_TIMESTAMP_FORMAT', { port, field, timestamp, pattern: MDS_TIMESTAMP_PATTERN });
  if (Math.abs(at - ctx.now) > ctx.timestampWindowMs) throw new AppError('ERR_SBI_TIMESTAMP_OUT_OF_WINDOW', { port, timestamp, windowMinutes: ctx.timestampWindowMs / 60_000 });
}

function verifyElement(
  element: { specVersion: string; data: string; hash: string },
  index: number,
  previousHash: string,
  ctx: CaptureCheckContext,
  allowed: readonly string[],
  seen: Set<string>,
  warnings: string[],
): CapturedBiometric {
  const { device, request } = ctx;
  const port = device.port;
  const jws = verifyJws(element.data, { port, part: 'data', trust: ctx.trust, domain: 'DEVICE', now: ctx.now, clockSkewMs: ctx.clockSkewMs });
  const parsed = CaptureDataPayload.safeParse(parseJsonOrUndefined(jws.payloadText));
  if (!parsed.success) throw new AppError('ERR_SBI_MALFORMED_RESPONSE', { port, method: 'RCAPTURE', issue: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
  const data = parsed.data;
  if (data.transactionId !== request.transactionId) throw new AppError('ERR_SBI_TRANSACTION_ID_MISMATCH', { port, expected: request.transactionId, received: data.transactionId });
  if (element.specVersion !== request.specVersion) throw new AppError('ERR_SBI_SPEC_VERSION_MISMATCH', { port, expected: request.specVersion, received: element.specVersion });
  const digital = verifyDigitalIdOf(data.digitalId, jws.x5c, ctx);
  if (data.deviceCode !== device.deviceCode) throw new AppError('ERR_SBI_DIGITAL_ID_MISMATCH', { port, field: 'deviceCode', expected: device.deviceCode, received: data.deviceCode });
  checkTimestamp('timestamp', data.timestamp, ctx);
  checkTimestamp('digitalId.dateTime', digital.dateTime, ctx);
  const bioType = MODALITIES[ctx.modality].bioType;
  if (data.bioType !== bioType) throw new AppError('ERR_SBI_BIO_TYPE_MISMATCH', { port, expected: bioType, received: data.bioType });
  let bioSubType: BioSubType | undefined;
  if (bioType !== 'Face') {
    const subType = data.bioSubType ?? '';
    if (!allowed.includes(subType)) throw new AppError('ERR_SBI_BIO_SUBTYPE_UNEXPECTED', { port, bioSubType: subType, allowed: [...allowed] });
    if (seen.has(subType)) throw new AppError('ERR_SBI_BIO_SUBTYPE_DUPLICATE', { port, bioSubType: subType });
    seen.add(subType);
    bioSubType = subType as BioSubType;
  }
  const qualityScore = Number(data.qualityScore);
  if (data.qualityScore.trim() === '' || !(qualityScore >= 0 && qualityScore <= 100)) throw new AppError('ERR_SBI_QUALITY_INVALID', { port, qualityScore: data.qualityScore });
  const iso = decodeCanonicalBase64url(data.bioValue);
  if (!iso || iso.length === 0) throw new AppError('ERR_SBI_BIOVALUE_NOT_CANONICAL', { port, index });
  if (iso.subarray(0, 4).toString('latin1') !== ISO_FORMAT_ID[bioType]) throw new AppError('ERR_SBI_ISO_INVALID', { port, index, issue: `format identifier is not ${ISO_FORMAT_ID[bioType].slice(0, 3)}` });
  checkIsoImage(iso, bioType, { port, index });
  const expectedHash = chainHash(previousHash, iso) ?? '';
  if (expectedHash !== element.hash.toUpperCase()) {
    if (ctx.hashChainPolicy === 'strict') throw new AppError('ERR_SBI_HASH_CHAIN_BROKEN', { port, index, expected: expectedHash, received: element.hash });
    warnings.push(`ERR_SBI_HASH_CHAIN_BROKEN at element ${index}: expected ${expectedHash}, received ${element.hash}`);
  }
  return {
    bioType,
    bioSubType,
    data: element.data,
    payloadText: jws.payloadText,
    bioValue: data.bioValue,
    qualityScoreText: data.qualityScore,
    qualityScore,
    requestedScore: data.requestedScore,
    timestamp: data.timestamp,
    transactionId: data.transactionId,
    digitalId: data.digitalId,
    digitalIdDecoded: digital,
    deviceCode: data.deviceCode,
    deviceServiceVersion: data.deviceServiceVersion,
    purpose: data.purpose,
    env: data.env,
    specVersion: element.specVersion,
    previousHash,
    hash: element.hash,
  };
}

/** digitalId of a capture: valid on its own, the same device as at info time, certs ⊆ data's x5c (§3.3 step 6, §3.4). */
function verifyDigitalIdOf(jws: string, dataX5c: readonly string[], ctx: CaptureCheckContext) {
  const port = ctx.device.port;
  const verified = verifyDigitalId(jws, ctx.device.certification, 'data.digitalId', { port, trust: ctx.trust, now: ctx.now, clockSkewMs: ctx.clockSkewMs, digitalIdDomain: ctx.digitalIdDomain });
  const known = ctx.device.digitalId;
  for (const field of ['serialNo', 'make', 'model', 'type', 'deviceSubType'] as const) {
    if (verified.digitalId[field] !== known[field]) throw new AppError('ERR_SBI_DIGITAL_ID_MISMATCH', { port, field, expected: known[field], received: verified.digitalId[field] });
  }
  if (ctx.device.certification !== 'L1' && verified.jws.x5c.some((c) => !dataX5c.includes(c))) {
    throw new AppError('ERR_SBI_DIGITAL_ID_MISMATCH', { port, field: 'x5c', expected: 'subset of data x5c', received: 'other certificate' });
  }
  return verified.digitalId;
}
