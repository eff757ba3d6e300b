import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { rsaTestKeySync } from '../sims/rsaKeyPool';

/** A throwaway PKI for packet tests: CA, REGISTRATION (regproc) key + cert, machine key + cert. */
export interface TestPki {
  readonly caPem: string;
  readonly regKey: KeyObject;
  readonly regKeyPem: string;
  readonly regCertPem: string;
  readonly machineKey: KeyObject;
  readonly machineKeyPem: string;
  readonly machineCertPem: string;
}

function rsaPair(role: string): { key: KeyObject; pem: string } {
  const privateKey = rsaTestKeySync(role);
  return { key: privateKey, pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

/** Issues a certificate for `subjectKey` signed by `issuerKey` (node-forge; certificate handling only). */
export function issueCertificate(o: {
  subjectCn: string;
  subjectKeyPem: string;
  issuerCn: string;
  issuerKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  /** mark basicConstraints critical, as CA certificates from real PKIs do */
  critical?: boolean;
}): string {
  const subjectPriv = forge.pki.privateKeyFromPem(o.subjectKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(subjectPriv.n, subjectPriv.e);
  // "01" first: a positive serial with no redundant leading zero byte, which OpenSSL refuses as illegal padding
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = o.notBefore;
  cert.validity.notAfter = o.notAfter;
  cert.setSubject([{ name: 'commonName', value: o.subjectCn }]);
  cert.setIssuer([{ name: 'commonName', value: o.issuerCn }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: !!o.ca, ...(o.critical ? { critical: true } : {}) }]);
  cert.sign(forge.pki.privateKeyFromPem(o.issuerKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** Makes a fresh PKI valid around `now` (±1 year). */
export function makeTestPki(now: number, refId = '10001_10002'): TestPki {
  const ca = rsaPair('test-pki-ca');
  const reg = rsaPair('test-pki-registration');
  const machine = rsaPair('test-pki-machine');
  const notBefore = new Date(now - 365 * 86_400_000);
  const notAfter = new Date(now + 365 * 86_400_000);
  const caPem = issueCertificate({ subjectCn: 'Test ROOT', subjectKeyPem: ca.pem, issuerCn: 'Test ROOT', issuerKeyPem: ca.pem, notBefore, notAfter, ca: true });
  const regCertPem = issueCertificate({ subjectCn: `REGISTRATION-${refId}`, subjectKeyPem: reg.pem, issuerCn: 'Test ROOT', issuerKeyPem: ca.pem, notBefore, notAfter });
  const machineCertPem = issueCertificate({ subjectCn: `MACHINE-${refId}`, subjectKeyPem: machine.pem, issuerCn: 'Test ROOT', issuerKeyPem: ca.pem, notBefore, notAfter });
  return { caPem, regKey: reg.key, regKeyPem: reg.pem, regCertPem, machineKey: machine.key, machineKeyPem: machine.pem, machineCertPem };
}

export function keyFromPem(pem: string): KeyObject {
  return createPrivateKey(pem);
}
