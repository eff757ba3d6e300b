import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../../schemas/errors';
import type { MosipError } from '../../../schemas/mosip';
import { MOSIP_CLOCK_TOLERANCE_MS, MOSIP_ERROR, MOSIP_TIME_SENSITIVE_CODES } from '../../../schemas/mosipErrorCodes';
import { defined } from '../../../schemas/errors/assert';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** A transport failure (refused, reset, DNS …) → ERR_SYNC_UNREACHABLE (retry). Bugs are rethrown. */
export function errorFromNetwork(endpoint: string, cause: unknown): AppError {
  const code = (cause as { code?: unknown }).code;
  const message = (cause as Error).message ?? String(cause);
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || /socket hang up|closed before|aborted/i.test(message)) {
    return new AppError('ERR_SYNC_UNREACHABLE', { endpoint, reason: typeof code === 'string' ? code : message }, { cause });
  }
  throw cause;
}

/** Retry-After in seconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); default 1. */
export function parseRetryAfter(value: string | undefined, now: number): number {
  if (!value) return 1;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : 1;
}

function firstMosipError(body: Buffer): MosipError | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: { errorCode?: unknown; message?: unknown }[] };
    const first = parsed.errors?.[0];
    if (first && typeof first.errorCode === 'string') return { errorCode: first.errorCode, message: typeof first.message === 'string' ? first.message : '' };
  } catch {
    // not JSON (a proxy page): the status alone classifies it
  }
  return undefined;
}

/** Non-2xx: 401 → reauth; 429 → retry after Retry-After; 5xx → retry; other 4xx → park. */
export function errorFromHttpStatus(endpoint: string, status: number, headers: IncomingHttpHeaders, body: Buffer, now: number): AppError {
  const mosip = firstMosipError(body);
  if (status === 401) return new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint, errorCode: mosip?.errorCode ?? 'HTTP_401' });
  if (status === 429) {
    const header = headers['retry-after'];
    return new AppError('ERR_SYNC_RATE_LIMITED', { endpoint, retryAfterSeconds: parseRetryAfter(Array.isArray(header) ? header[0] : header, now) });
  }
  if (status >= 500) return new AppError('ERR_SYNC_SERVER_ERROR', { endpoint, status });
  return new AppError('ERR_SYNC_REJECTED', { endpoint, status, errorCode: mosip?.errorCode ?? `HTTP_${status}`, message: mosip?.message ?? '' });
}

/**
 * Business errors in an HTTP 200 body. An auth failure → reauth; a refusal that MOSIP also gives for
 * a bad request time, while the server's clock is off ours by more than its window → clock skew (the
 * operator must fix the clock; MOSIP has no code of its own for it); anything else → park with
 * MOSIP's errorCode and message.
 */
export function errorFromMosipErrors(endpoint: string, status: number, errors: readonly MosipError[], now: number, responsetime: string | undefined): AppError {
  // callers come here only for a body whose `errors` has at least one entry
  const first = defined(errors[0], `${endpoint}: the first of the errors`);
  if (first.errorCode === MOSIP_ERROR.AUTH_FAILED) return new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint, errorCode: first.errorCode });
  const serverTime = Date.parse(responsetime ?? '');
  if (MOSIP_TIME_SENSITIVE_CODES.includes(first.errorCode) && Number.isFinite(serverTime) && Math.abs(now - serverTime) > MOSIP_CLOCK_TOLERANCE_MS) {
    return new AppError('ERR_SYNC_CLOCK_SKEW', { endpoint, skewMinutes: Math.round((now - serverTime) / 60_000) });
  }
  return new AppError('ERR_SYNC_REJECTED', { endpoint, status, errorCode: first.errorCode, message: first.message });
}

/** Server answers that mean "this machine (name, key) is not what the server registered". */
const MACHINE_CODES = new Set<string>([MOSIP_ERROR.MACHINE_NOT_FOUND, MOSIP_ERROR.PUBLIC_KEY_NOT_WHITELISTED]);

/** A syncdata refusal of this machine → ERR_SYNC_MACHINE_NOT_REGISTERED; anything else unchanged. */
export function asMachineError(err: unknown, keyIndex: string): unknown {
  if (err instanceof AppError && err.is('ERR_SYNC_REJECTED') && MACHINE_CODES.has(err.details.errorCode)) {
    return new AppError('ERR_SYNC_MACHINE_NOT_REGISTERED', { keyIndex, errorCode: err.details.errorCode }, { cause: err });
  }
  return err;
}
