import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { before, describe, it } from 'node:test';
import forge from 'node-forge';
import { TrustStore } from '../../../../native/sbi/TrustStore';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

interface Issued {
  readonly key: KeyObject;
  readonly pem: string;
}

let serial = 0;

/** Issues a certificate for a fresh RSA key; self-signed when `issuer` is absent. */
function issue(commonName: string, isCa: boolean, issuer?: Issued, validity = { from: NOW - DAY, to: NOW + 365 * DAY }): Issued {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${(++serial).toString(16).padStart(8, '0')}`; // counted: unique, and the same on every run
  cert.validity.notBefore = new Date(validity.from);
  cert.validity.notAfter = new Date(validity.to);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(issuer ? forge.pki.certificateFromPem(issuer.pem).subject.attributes : [{ name: 'commonName', value: commonName }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: isCa, critical: true }]);
  const signer = issuer?.key ?? privateKey;
  cert.sign(forge.pki.privateKeyFromPem(signer.export({ type: 'pkcs8', format: 'pem' }).toString()), forge.md.sha256.create());
  return { key: privateKey, pem: forge.pki.certificateToPem(cert) };
}

describe('TrustStore', () => {
  let root: Issued;
  let intermediate: Issued;
  let leaf: X509Certificate;

  before(() => {
    root = issue('Root CA', true);
    intermediate = issue('Device Provider CA', true, root);
    leaf = new X509Certificate(issue('device', false, intermediate).pem);
  });

  it('trusts a leaf through an intermediate taken from the store', () => {
    const store = new TrustStore();
    store.addPem(`${root.pem}\n${intermediate.pem}`);
    assert.equal(store.isTrusted(leaf, 'DEVICE', NOW), true);
  });

  it('does not trust a leaf whose intermediate is missing from the store', () => {
    const store = new TrustStore();
    store.addPem(root.pem);
    assert.equal(store.isTrusted(leaf, 'DEVICE', NOW), false);
  });

  it('keeps the domains apart', () => {
    const store = new TrustStore();
    store.addPem(`${root.pem}${intermediate.pem}`, 'FTM');
    assert.deepEqual([store.isTrusted(leaf, 'DEVICE', NOW), store.isTrusted(leaf, 'FTM', NOW)], [false, true]);
  });

  it('refuses an expired intermediate', () => {
    const expired = issue('Old Provider CA', true, root, { from: NOW - 10 * DAY, to: NOW - DAY });
    const store = new TrustStore();
    store.addPem(`${root.pem}${expired.pem}`);
    assert.equal(store.isTrusted(new X509Certificate(issue('device', false, expired).pem), 'DEVICE', NOW), false);
  });

  it('rejects text without a certificate with TypeError', () => {
    assert.throws(() => new TrustStore().addPem('not a pem'), TypeError);
  });
});
