import { createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../schemas/errors';
import { certificateThumbprint, type EnvelopeRecipient } from './mosipEnvelope';

/** A REGISTRATION certificate ready for the envelope, with its validity for messages. */
export interface RegistrationCertificate extends EnvelopeRecipient {
  readonly der: Buffer;
  readonly notBefore: number;
  readonly notAfter: number;
}

/** The DER exactly as delivered: the thumbprint must be over these bytes, not a re-encoding. */
export function pemToDer(pem: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new Error('no PEM certificate block');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

/**
 * Parses and checks the synced REGISTRATION certificate (`GET /v1/syncdata/getCertificate?
 * applicationId=REGISTRATION&referenceId=<centre>_<machine>`): RSA-2048, valid at `now`.
 * @throws AppError ERR_PACKET_REG_CERT_INVALID, ERR_PACKET_REG_CERT_EXPIRED
 */
export function loadRegistrationCertificate(pem: string, now: number): RegistrationCertificate {
  return checkRegistrationCertificateAt(parseRegistrationCertificate(pem), now);
}

/**
 * The certificate's own checks, which do not change with time (RegistrationCertProvider caches
 * their result until the file changes).
 * @throws AppError ERR_PACKET_REG_CERT_INVALID
 */
export function parseRegistrationCertificate(pem: string): RegistrationCertificate {
  let der: Buffer;
  let cert: forge.pki.Certificate;
  try {
    der = pemToDer(pem);
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')));
  } catch (cause) {
    throw new AppError('ERR_PACKET_REG_CERT_INVALID', { reason: `unreadable certificate: ${(cause as Error).message}` }, { cause });
  }
  const rsa = cert.publicKey as forge.pki.rsa.PublicKey;
  if (!rsa.n || rsa.n.bitLength() !== 2048) throw new AppError('ERR_PACKET_REG_CERT_INVALID', { reason: 'the key is not RSA-2048' });
  const publicKey = createPublicKey({ key: forge.pki.publicKeyToPem(rsa), format: 'pem' });
  return { der, thumbprint: certificateThumbprint(der), publicKey, notBefore: cert.validity.notBefore.getTime(), notAfter: cert.validity.notAfter.getTime() };
}

/**
 * The certificate itself when it is valid at `now`: checked at every build, since a cached one expires.
 * @throws AppError ERR_PACKET_REG_CERT_EXPIRED
 */
export function checkRegistrationCertificateAt(cert: RegistrationCertificate, now: number): RegistrationCertificate {
  if (now < cert.notBefore || now > cert.notAfter) {
    throw new AppError('ERR_PACKET_REG_CERT_EXPIRED', { notBefore: new Date(cert.notBefore).toISOString(), notAfter: new Date(cert.notAfter).toISOString() });
  }
  return cert;
}
