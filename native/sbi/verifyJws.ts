import { createHash, verify, X509Certificate } from 'node:crypto';
import { AppError } from '../../schemas/errors';
import type { TrustDomain } from '../../schemas/sbi';
import type { TrustStore } from './TrustStore';

/** Which signed block is being checked; it appears in error details and logs. */
export type JwsPart = 'deviceInfo' | 'digitalId' | 'data' | 'data.digitalId';

/** Inputs of one JWS verification. */
export interface JwsCheck {
  readonly port: number;
  readonly part: JwsPart;
  readonly trust: TrustStore;
  readonly domain: TrustDomain;
  readonly now: number;
  /** tolerance on certificate dates */
  readonly clockSkewMs: number;
}

/** A verified JWS: the payload text exactly as signed, and the signing certificate. */
export interface VerifiedJws {
  readonly payloadText: string;
  readonly certificate: X509Certificate;
  /** `x5c` entries as sent (base64 DER) */
  readonly x5c: readonly string[];
  /** SHA-256 of the leaf DER, upper hex */
  readonly thumbprint: string;
}

const certCache = new Map<string, X509Certificate>();

function parseCertificate(der: string): X509Certificate | undefined {
  const hit = certCache.get(der);
  if (hit) return hit;
  try {
    const cert = new X509Certificate(Buffer.from(der, 'base64'));
    if (certCache.size > 256) certCache.clear();
    certCache.set(der, cert);
    return cert;
  } catch {
    return undefined; // reported by the caller as ERR_SBI_JWS_MALFORMED
  }
}

/**
 * Verifies a compact RS256 JWS whose header carries `x5c` (sbi-protocol.md §3.3 steps 1–4):
 * structure and algorithm, leaf dates, signature, trust path. Signature checking is never optional.
 * @throws AppError ERR_SBI_JWS_MALFORMED, ERR_SBI_CERT_EXPIRED, ERR_SBI_SIGNATURE_INVALID, ERR_SBI_CERT_UNTRUSTED
 */
export function verifyJws(jws: string, check: JwsCheck): VerifiedJws {
  const { port, part } = check;
  const malformed = (issue: string) => new AppError('ERR_SBI_JWS_MALFORMED', { port, part, issue });
  const segments = jws.split('.');
  if (segments.length !== 3 || segments.some((s) => !/^[A-Za-z0-9_-]*$/.test(s)) || !segments[0] || !segments[2]) throw malformed('not a compact JWS');
  const [headerB64, payloadB64, signatureB64] = segments as [string, string, string];
  let header: { alg?: unknown; x5c?: unknown };
  try {
    header = JSON.parse(Buffer.from(headerB64, 'base64url').toString('utf8')) as typeof header;
  } catch {
    throw malformed('header is not JSON');
  }
  if (header.alg !== 'RS256') throw malformed(`alg ${String(header.alg)} is not allowed`);
  const x5c = typeof header.x5c === 'string' ? [header.x5c] : header.x5c; // keymanager tolerates a single string
  if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') throw malformed('x5c missing');
  const certificate = parseCertificate(x5c[0]);
  if (!certificate) throw malformed('x5c[0] is not an X.509 certificate');
  const notBefore = Date.parse(certificate.validFrom);
  const notAfter = Date.parse(certificate.validTo);
  if (check.now + check.clockSkewMs < notBefore || check.now - check.clockSkewMs > notAfter) {
    throw new AppError('ERR_SBI_CERT_EXPIRED', { port, part, notBefore: new Date(notBefore).toISOString(), notAfter: new Date(notAfter).toISOString() });
  }
  const isValid = verify('sha256', Buffer.from(`${headerB64}.${payloadB64}`, 'ascii'), certificate.publicKey, Buffer.from(signatureB64, 'base64url'));
  if (!isValid) throw new AppError('ERR_SBI_SIGNATURE_INVALID', { port, part });
  if (!check.trust.isTrusted(certificate, check.domain, check.now)) throw new AppError('ERR_SBI_CERT_UNTRUSTED', { port, part, issuer: certificate.issuer });
  return {
    payloadText: Buffer.from(payloadB64, 'base64url').toString('utf8'),
    certificate,
    x5c: x5c.map(String),
    thumbprint: createHash('sha256').update(certificate.raw).digest('hex').toUpperCase(),
  };
}
