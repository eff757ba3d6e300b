import { createHash, X509Certificate } from 'node:crypto';
import { AppError } from '../../schemas/errors';
import type { TrustAnchor, TrustDomain } from '../../schemas/sbi';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** SHA-256 of the certificate's DER, lowercase hex (as the CA certificate sync stores it). */
export function certThumbprint(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('hex');
}

/** OpenSSL prints one RDN per line; a table cell and an audit entry want one line. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** The common name of a distinguished name (`cert.subject`/`cert.issuer`), else the whole name on one line: what an operator reads. */
export function commonName(distinguishedName: string): string {
  const cn = distinguishedName.split('\n').find((rdn) => rdn.startsWith('CN='));
  return cn ? cn.slice(3) : oneLine(distinguishedName);
}

/** Describes a certificate of the trust store for the settings screen, validity judged at `now`. */
export function describeTrustAnchor(cert: X509Certificate, now: number, domain: TrustDomain, source: TrustAnchor['source']): TrustAnchor {
  const validFrom = Date.parse(cert.validFrom);
  const validTo = Date.parse(cert.validTo);
  return {
    thumbprint: certThumbprint(cert),
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    validFrom,
    validTo,
    expired: validTo < now,
    notYetValid: validFrom > now,
    selfSigned: cert.checkIssued(cert) && cert.verify(cert.publicKey),
    domain,
    source,
  };
}

/**
 * Parses a PEM text that an operator offers as a new device trust anchor: exactly one X.509
 * certificate, a CA (basicConstraints CA:true, as keymanager's CA certificate upload demands),
 * valid at `now`.
 * @throws AppError ERR_SBI_TRUST_ANCHOR_UNREADABLE, ERR_SBI_TRUST_ANCHOR_NOT_SINGLE,
 *   ERR_SBI_TRUST_ANCHOR_NOT_CA, ERR_SBI_TRUST_ANCHOR_EXPIRED, ERR_SBI_TRUST_ANCHOR_NOT_YET_VALID
 */
export function parseCaCertificate(pem: string, now: number): X509Certificate {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new AppError('ERR_SBI_TRUST_ANCHOR_UNREADABLE', {});
  if (blocks.length > 1) throw new AppError('ERR_SBI_TRUST_ANCHOR_NOT_SINGLE', { count: blocks.length });
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(blocks[0]!);
  } catch (cause) {
    throw new AppError('ERR_SBI_TRUST_ANCHOR_UNREADABLE', {}, { cause });
  }
  const subject = commonName(cert.subject);
  if (!cert.ca) throw new AppError('ERR_SBI_TRUST_ANCHOR_NOT_CA', { subject });
  const notBefore = Date.parse(cert.validFrom);
  const notAfter = Date.parse(cert.validTo);
  if (notAfter < now) throw new AppError('ERR_SBI_TRUST_ANCHOR_EXPIRED', { subject, notAfter: isoDay(notAfter) });
  if (notBefore > now) throw new AppError('ERR_SBI_TRUST_ANCHOR_NOT_YET_VALID', { subject, notBefore: isoDay(notBefore) });
  return cert;
}

/** Every certificate of a PEM text (a trust file may hold a bundle). @throws TypeError on an unparseable block */
export function parsePemCertificates(pem: string): X509Certificate[] {
  return (pem.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
