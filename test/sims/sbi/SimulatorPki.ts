import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { rsaTestKey } from '../rsaKeyPool';

/**
 * The throwaway PKI a simulator run generates at start (sbi-protocol.md §3): a device-provider CA,
 * one RS256 device key + certificate per device, an FTM-style key for L1 digitalIds, and the
 * certificates the faults need (expired, not yet valid, issued by an untrusted CA). Keys come from
 * node:crypto (fast); certificates are built with node-forge, which node:crypto cannot do.
 */

/** A private key with its certificate chain (leaf first). */
export interface SigningIdentity {
  readonly privateKey: KeyObject;
  readonly certPem: string;
  /** base64 DER, as it goes into `x5c` */
  readonly certDerBase64: string;
}

interface CertSpec {
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
  readonly issuer?: { readonly key: KeyObject; readonly certPem: string };
}

interface KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
}

async function newKeyPair(role: string): Promise<KeyPair> {
  const privateKey = await rsaTestKey(role);
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
}

let serialCounter = 1;

function issueCertificate(publicKeyPem: string, selfKey: KeyObject, spec: CertSpec): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = `0${(Date.now() * 1000 + serialCounter++).toString(16)}`;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [{ name: 'commonName', value: spec.commonName }, { name: 'organizationName', value: 'RegClient SBI Simulator' }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? forge.pki.certificateFromPem(spec.issuer.certPem).subject.attributes : subject);
  cert.setExtensions(
    spec.isCa
      ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]
      : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, critical: true }],
  );
  const signerKey = spec.issuer?.key ?? selfKey;
  cert.sign(forge.pki.privateKeyFromPem(signerKey.export({ type: 'pkcs8', format: 'pem' }).toString()), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

function pemToDerBase64(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function identity(keys: KeyPair, commonName: string, issuer: { key: KeyObject; certPem: string }, notBefore: Date, notAfter: Date): SigningIdentity {
  const certPem = issueCertificate(keys.publicKeyPem, keys.privateKey, { commonName, notBefore, notAfter, isCa: false, issuer });
  return { privateKey: keys.privateKey, certPem, certDerBase64: pemToDerBase64(certPem) };
}

function rootCa(keys: KeyPair, commonName: string, now: Date): { key: KeyObject; certPem: string } {
  const certPem = issueCertificate(keys.publicKeyPem, keys.privateKey, {
    commonName,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 5 * 365 * 86_400_000),
    isCa: true,
  });
  return { key: keys.privateKey, certPem };
}

/** Every key and certificate of one simulator run. */
export interface SimulatorPki {
  /** the device-provider CA (DEVICE domain); export it so a client can trust it */
  readonly deviceCaPem: string;
  /** the FTM-provider CA (FTM domain) */
  readonly ftmCaPem: string;
  /** a CA nobody trusts, for the untrusted-certificate fault */
  readonly rogueCaPem: string;
  /** one identity per device name */
  device(name: string): SigningIdentity;
  readonly ftm: SigningIdentity;
  readonly expired: SigningIdentity;
  readonly notYetValid: SigningIdentity;
  readonly untrusted: SigningIdentity;
}

/**
 * Generates the PKI for the given device names. RSA key generation dominates (≈0.2 s per key), so
 * the keys are generated in parallel (or taken from the test key pool, rsaKeyPool.ts) and the fault
 * certificates reuse the first device's key.
 */
export async function createSimulatorPki(deviceNames: readonly string[], now = new Date()): Promise<SimulatorPki> {
  const roles = ['sbi-device-ca', 'sbi-ftm-ca', 'sbi-rogue-ca', 'sbi-ftm', ...deviceNames.map(() => 'sbi-device')];
  const [deviceCaKeys, ftmCaKeys, rogueCaKeys, ftmKeys, ...deviceKeys] = await Promise.all(roles.map((role) => newKeyPair(role)));
  if (!deviceCaKeys || !ftmCaKeys || !rogueCaKeys || !ftmKeys || !deviceKeys[0]) throw new Error('createSimulatorPki: needs at least one device');
  const deviceCa = rootCa(deviceCaKeys, 'SBI Simulator Device CA', now);
  const ftmCa = rootCa(ftmCaKeys, 'SBI Simulator FTM CA', now);
  const rogueCa = rootCa(rogueCaKeys, 'Untrusted Rogue CA', now);
  const day = 86_400_000;
  const from = new Date(now.getTime() - day);
  const to = new Date(now.getTime() + 365 * day);
  const devices = new Map(deviceNames.map((name, i) => [name, identity(deviceKeys[i]!, `sim-${name}`, deviceCa, from, to)]));
  const faultKeys = deviceKeys[0];
  return {
    deviceCaPem: deviceCa.certPem,
    ftmCaPem: ftmCa.certPem,
    rogueCaPem: rogueCa.certPem,
    device(name) {
      const found = devices.get(name);
      if (!found) throw new Error(`SimulatorPki.device: unknown device ${name}`);
      return found;
    },
    ftm: identity(ftmKeys, 'sim-ftm', ftmCa, from, to),
    expired: identity(faultKeys, 'sim-expired', deviceCa, new Date(now.getTime() - 30 * day), new Date(now.getTime() - 2 * day)),
    notYetValid: identity(faultKeys, 'sim-not-yet-valid', deviceCa, new Date(now.getTime() + 2 * day), new Date(now.getTime() + 30 * day)),
    untrusted: identity(faultKeys, 'sim-untrusted', rogueCa, from, to),
  };
}

/** Unpadded base64url, the only encoding SBI uses for JWS parts and bioValue. */
export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Signs `payloadText` as a compact RS256 JWS with `x5c = [leaf]`, as MockMDS (jose4j) does (§3.1).
 * The payload text is signed as given, so the caller controls its exact bytes.
 */
export function signCompactJws(payloadText: string, signer: SigningIdentity): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [signer.certDerBase64] }));
  const payload = base64url(payloadText);
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`, 'ascii'), signer.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** SHA-256 thumbprint of a PEM certificate, upper hex. */
export function thumbprint(certPem: string): string {
  return createHash('sha256').update(Buffer.from(pemToDerBase64(certPem), 'base64')).digest('hex').toUpperCase();
}
