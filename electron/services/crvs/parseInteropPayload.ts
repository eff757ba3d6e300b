import { BirthRequestFields, CorrectionRequestFields, CrvsRevocation, DeathRequestFields, MosipInteropPayload, type CrvsEventKind } from '../../../schemas/crvsBridge';
import { AppError } from '../../../schemas/errors';

/** A webhook body the bridge accepted: which kind of event, under which id. */
export interface AcceptedEvent {
  readonly eventId: string;
  readonly kind: CrvsEventKind;
  readonly registrationNumber: string;
  readonly payload: MosipInteropPayload;
}

/** Keys that would reach an object's prototype if a later copy assigned them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function invalid(field: string, rule: string): AppError<'ERR_CRVS_PAYLOAD_INVALID'> {
  return new AppError('ERR_CRVS_PAYLOAD_INVALID', { field: field.slice(0, 80) || '(root)', rule });
}

/** JSON without prototype keys. @throws AppError ERR_CRVS_PAYLOAD_INVALID */
function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'), (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw invalid(key, 'forbidden key');
      return value;
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('(body)', 'not JSON');
  }
}

/** Reads a revocation body (schemas/crvsBridge.ts `CrvsRevocation`). @throws AppError ERR_CRVS_PAYLOAD_INVALID */
export function parseRevocation(body: Buffer): CrvsRevocation {
  const parsed = CrvsRevocation.safeParse(parseJson(body));
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  throw invalid(first.path.map(String).join('.'), first.code);
}

/**
 * Reads OpenCRVS's webhook body (already bounded in size by the caller). The kind is told by the
 * certificate number it carries, as OpenCRVS's mediator tells it (`birthCertificateNumber` →
 * birth, `deathCertificateNumber` → death, neither but a `VID` → correction), so a refusal names the field of that kind's schema,
 * never the union. The body is never echoed back.
 * @throws AppError ERR_CRVS_PAYLOAD_INVALID (field, rule)
 */
export function parseInteropPayload(body: Buffer): AcceptedEvent {
  const json = parseJson(body);
  const fields = typeof json === 'object' && json !== null ? (json as { requestFields?: unknown }).requestFields : undefined;
  const has = (key: string) => typeof fields === 'object' && fields !== null && key in fields;
  const kind: CrvsEventKind = has('birthCertificateNumber') ? 'BIRTH' : !has('deathCertificateNumber') && has('VID') ? 'CORRECTION' : 'DEATH';
  const requestFields = kind === 'BIRTH' ? BirthRequestFields : kind === 'CORRECTION' ? CorrectionRequestFields : DeathRequestFields;
  const parsed = MosipInteropPayload.extend({ requestFields }).safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw invalid(first.path.map(String).join('.'), first.code === 'custom' || first.code === 'invalid_format' ? first.message : first.code);
  }
  const payload = parsed.data;
  const f = payload.requestFields as Record<string, unknown>;
  // a correction has no certificate number: its OpenCRVS tracking id stands for it
  const registrationNumber = String(f['birthCertificateNumber'] ?? f['deathCertificateNumber'] ?? payload.trackingId);
  return { eventId: payload.eventId ?? payload.trackingId, kind, registrationNumber, payload };
}
