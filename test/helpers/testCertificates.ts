import { generateKeyPairSync } from 'node:crypto';
import { issueCertificate } from './packetKeys';

/** A fresh 2048-bit RSA private key, PKCS#8 PEM. */
export function newRsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/**
 * Issues a certificate for `subjectKeyPem` signed by `issuerKeyPem` (self-signed when both are the
 * same key and `issuerCn` is the subject), basicConstraints critical.
 */
export function issueTestCertificate(o: Omit<Parameters<typeof issueCertificate>[0], 'critical' | 'ca'> & { ca: boolean }): string {
  return issueCertificate({ ...o, critical: true });
}

/** A self-signed CA certificate valid over [from, to]. */
export function selfSignedCa(keyPem: string, commonName: string, from: number, to: number): string {
  return issueTestCertificate({ subjectCn: commonName, subjectKeyPem: keyPem, issuerCn: commonName, issuerKeyPem: keyPem, notBefore: new Date(from), notAfter: new Date(to), ca: true });
}
