import { AppError, isAppError } from '../../schemas/errors';
import { ACCEPTED_SPEC_VERSIONS, DeviceInfoPayload, DigitalId, type DeviceState, type SbiDevice, type TrustDomain } from '../../schemas/sbi';
import type { TrustStore } from './TrustStore';
import { verifyJws, type JwsPart, type VerifiedJws } from './verifyJws';

/** What device-info and digitalId checks need. */
export interface DeviceCheckContext {
  readonly port: number;
  readonly trust: TrustStore;
  readonly now: number;
  readonly clockSkewMs: number;
  readonly digitalIdDomain: TrustDomain;
}

const STATES: Readonly<Record<SbiDevice['status'], DeviceState>> = { Ready: 'ready', Busy: 'busy', 'Not Ready': 'notReady', 'Not Registered': 'notRegistered' };

const SUBTYPES_OF: Readonly<Record<string, readonly string[]>> = { Finger: ['Slap', 'Single', 'Touchless'], Iris: ['Single', 'Double'], Face: ['Full face'] };

/** A verified digitalId: decoded fields plus its signing data. */
export interface VerifiedDigitalId {
  readonly digitalId: DigitalId;
  readonly jws: VerifiedJws;
}

/**
 * Verifies a signed digitalId (§3.3 step 6): signature, dates and trust in the L0 (DEVICE, or
 * configured) / L1 (FTM) domain, all 8 fields, coherent type/subtype. Every failure is reported as
 * ERR_SBI_DIGITAL_ID_INVALID with the underlying code as `issue`, so it differs from a failure of
 * the enclosing block.
 * @throws AppError ERR_SBI_DIGITAL_ID_INVALID
 */
export function verifyDigitalId(jws: string, certification: string, part: JwsPart, ctx: DeviceCheckContext): VerifiedDigitalId {
  const invalid = (issue: string) => new AppError('ERR_SBI_DIGITAL_ID_INVALID', { port: ctx.port, issue });
  if (jws.split('.').length !== 3) throw invalid('unsigned digitalId');
  let verified: VerifiedJws;
  try {
    verified = verifyJws(jws, { port: ctx.port, part, trust: ctx.trust, domain: certification === 'L1' ? 'FTM' : ctx.digitalIdDomain, now: ctx.now, clockSkewMs: ctx.clockSkewMs });
  } catch (err) {
    if (isAppError(err)) throw new AppError('ERR_SBI_DIGITAL_ID_INVALID', { port: ctx.port, issue: err.code }, { cause: err });
    throw err;
  }
  const parsed = DigitalId.safeParse(parseJsonOrUndefined(verified.payloadText));
  if (!parsed.success) throw invalid(`fields: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  if (!SUBTYPES_OF[parsed.data.type]?.includes(parsed.data.deviceSubType)) throw invalid(`deviceSubType ${parsed.data.deviceSubType} is not a ${parsed.data.type} subtype`);
  return { digitalId: parsed.data, jws: verified };
}

/**
 * Verifies one MOSIPDINFO element (§3.3): JWS, dates, trust, payload, purpose and spec version,
 * nested digitalId. Returns the device with its operator-readable state.
 * @throws AppError ERR_SBI_DEVICE_NOT_REGISTERED, ERR_SBI_MALFORMED_RESPONSE, ERR_SBI_UNSUPPORTED_SPEC,
 *   ERR_SBI_DIGITAL_ID_INVALID and the codes of verifyJws
 */
export function verifyDeviceInfoElement(element: { deviceInfo?: string; error?: { errorCode: string } }, ctx: DeviceCheckContext): SbiDevice {
  const { port } = ctx;
  const deviceInfo = element.deviceInfo ?? '';
  if (element.error?.errorCode === '100' || deviceInfo.split('.').length !== 3) {
    throw new AppError('ERR_SBI_DEVICE_NOT_REGISTERED', { port, deviceId: '' });
  }
  const verified = verifyJws(deviceInfo, { port, part: 'deviceInfo', trust: ctx.trust, domain: 'DEVICE', now: ctx.now, clockSkewMs: ctx.clockSkewMs });
  const parsed = DeviceInfoPayload.safeParse(parseJsonOrUndefined(verified.payloadText));
  if (!parsed.success) {
    throw new AppError('ERR_SBI_MALFORMED_RESPONSE', { port, method: 'MOSIPDINFO', issue: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  const info = parsed.data;
  if (info.purpose !== 'Registration' || !info.specVersion.some((v) => ACCEPTED_SPEC_VERSIONS.includes(v))) {
    throw new AppError('ERR_SBI_UNSUPPORTED_SPEC', { port, specVersion: info.specVersion, purpose: info.purpose });
  }
  const { digitalId } = verifyDigitalId(info.digitalId, info.certification, 'digitalId', ctx);
  return {
    port,
    baseUrl: callbackBaseUrl(info.callbackId, port),
    deviceId: info.deviceId,
    deviceSubIds: info.deviceSubId,
    state: STATES[info.deviceStatus],
    status: info.deviceStatus,
    certification: info.certification,
    purpose: info.purpose,
    env: info.env,
    serviceVersion: info.serviceVersion,
    firmware: info.firmware,
    specVersions: info.specVersion,
    deviceCode: info.deviceCode,
    digitalId,
    certThumbprint: verified.thumbprint,
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where RCAPTURE and STREAM go: MOSIP's client calls `callbackId + "capture"` / `+ "stream"`
 * (MosipDeviceSpecification_095_ProviderImpl.rCapture / stream), so a device may serve them under a
 * path. Only the path is taken, and only from a loopback callbackId on the discovered port: any
 * other host or port is never called (§1.5 step 7) and falls back to the port's root.
 */
export function callbackBaseUrl(callbackId: string, port: number): string {
  let url: URL;
  try {
    url = new URL(callbackId);
  } catch {
    return `http://127.0.0.1:${port}/`;
  }
  const samePort = (url.port === '' ? 80 : Number(url.port)) === port;
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname) || !samePort) return `http://127.0.0.1:${port}/`;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `http://127.0.0.1:${port}${path}`;
}

/** JSON.parse that returns undefined on bad JSON; zod then reports the failure as data. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // reported by the schema check that follows
  }
}
