import { isAppError } from '../../schemas/errors';
import type { CaptureResult } from '../../schemas/sbi';
import { decodeCanonicalBase64url } from './base64url';
import { chainHash } from './hashChain';
import type { TrustStore } from './TrustStore';
import { parseJsonOrUndefined } from './verifyDeviceInfo';
import { verifyJws } from './verifyJws';

/** Certificate-date tolerance, as at capture time (SbiClientOptions' default clockSkewMs). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Re-checks a stored capture before it goes into a packet, so nothing but what a trusted device
 * signed for this capture is built (issue 12): every element's `data` JWS verifies again (RS256,
 * leaf dates at the capture's time, signature, trust path to a DEVICE anchor held now); the signed
 * payload is byte-for-byte the kept text, names this capture's transaction and carries the kept
 * image; the elements form an unbroken hash chain ending at the capture's `lastHash`. A hash
 * mismatch passes only if the capture recorded it as a warning (hash-chain policy `warn`).
 * @returns undefined when the capture holds, else what failed (for ERR_REG_CAPTURE_UNVERIFIED)
 */
export function reverifyCapture(result: CaptureResult, trust: TrustStore): string | undefined {
  let previous: string | undefined;
  for (const [index, b] of result.biometrics.entries()) {
    const problem = elementProblem(result, index, trust) ?? (previous !== undefined && b.previousHash !== previous ? 'does not chain from the element before' : undefined);
    if (problem) return `element ${index}: ${problem}`;
    previous = b.hash;
  }
  if (previous !== undefined && previous !== result.lastHash) return 'lastHash is not the last element\'s hash';
  return undefined;
}

function elementProblem(result: CaptureResult, index: number, trust: TrustStore): string | undefined {
  const b = result.biometrics[index]!;
  let payloadText: string;
  try {
    payloadText = verifyJws(b.data, { port: 0, part: 'data', trust, domain: 'DEVICE', now: result.capturedAt, clockSkewMs: CLOCK_SKEW_MS }).payloadText;
  } catch (err) {
    return isAppError(err) ? err.code : 'the signed data cannot be verified';
  }
  if (payloadText !== b.payloadText) return 'the kept payload text is not the signed one';
  const payload = parseJsonOrUndefined(payloadText) as { transactionId?: unknown; bioValue?: unknown; bioType?: unknown; bioSubType?: unknown } | undefined;
  if (payload?.transactionId !== result.transactionId) return 'the signed transactionId is not this capture\'s';
  if (payload.bioValue !== b.bioValue) return 'the signed bioValue is not the kept image';
  if (payload.bioType !== b.bioType) return 'the signed bioType is not the kept one';
  // a face has no subtype: devices omit it or send null/"" (verifyCapture keeps none)
  if (b.bioType !== 'Face' && payload.bioSubType !== b.bioSubType) return 'the signed bioSubType is not the kept one';
  const iso = decodeCanonicalBase64url(b.bioValue);
  const expected = iso ? chainHash(b.previousHash, iso) : undefined;
  const recorded = result.warnings.some((w) => w.startsWith(`ERR_SBI_HASH_CHAIN_BROKEN at element ${index}:`));
  if (expected !== b.hash.toUpperCase() && !recorded) return 'the hash chain does not match the image';
  return undefined;
}
