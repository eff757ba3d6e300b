import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A fresh 2048-bit RSA private key, PKCS#8 PEM. */
export function newRsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/**
 * Issues a certificate for `subjectKeyPem` signed by `issuerKeyPem` (self-signed when both are the
 * same key and `issuerCn` is the subject). Like packetKeys' issueCertificate, but the serial is an
 * even-length hex string starting 01: an odd-length one (`0` + 16 hex digits) makes forge emit a
 * zero-padded INTEGER now and then, which OpenSSL refuses ("illegal padding").
 */
export function issueTestCertificate(o: {
  subjectCn: string;
  subjectKeyPem: string;
  issuerCn: string;
  issuerKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
}): string {
  const subjectPriv = forge.pki.privateKeyFromPem(o.subjectKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(subjectPriv.n, subjectPriv.e);
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = o.notBefore;
  cert.validity.notAfter = o.notAfter;
  cert.setSubject([{ name: 'commonName', value: o.subjectCn }]);
  cert.setIssuer([{ name: 'commonName', value: o.issuerCn }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: o.ca, critical: true }]);
  cert.sign(forge.pki.privateKeyFromPem(o.issuerKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** A self-signed CA certificate valid over [from, to]. */
export function selfSignedCa(keyPem: string, commonName: string, from: number, to: number): string {
  return issueTestCertificate({ subjectCn: commonName, subjectKeyPem: keyPem, issuerCn: commonName, issuerKeyPem: keyPem, notBefore: new Date(from), notAfter: new Date(to), ca: true });
}
