import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { chainProblem } from '../../../../../electron/services/sync/signCertChain';

const DAY = 86_400_000;
// a fixed instant of our own: the certificates are minted around it and checked against it
const T0 = Date.UTC(2030, 0, 15);

interface Issued {
  readonly key: forge.pki.rsa.PrivateKey;
  readonly cert: forge.pki.Certificate;
  readonly x509: X509Certificate;
}

function issue(cn: string, issuer: Issued | undefined, ca: boolean, days = 365): Issued {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(T0 - DAY);
  cert.validity.notAfter = new Date(T0 + days * DAY);
  cert.setSubject([{ shortName: 'CN', value: cn }]);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : [{ shortName: 'CN', value: cn }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: ca }]);
  cert.sign(issuer ? issuer.key : keys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKey, cert, x509: new X509Certificate(forge.pki.certificateToPem(cert)) };
}

describe('chainProblem (ROOT → KERNEL → SIGN)', () => {
  const root = issue('ROOT', undefined, true, 3650);
  const kernel = issue('KERNEL', root, true, 1000);
  const sign = issue('SIGN', kernel, false, 100);

  it('accepts SIGN through KERNEL to the pinned ROOT at a time all three are valid', () => {
    assert.equal(chainProblem(sign.x509, [kernel.x509], root.x509, T0), undefined);
  });

  it('refuses without the intermediate, with another root, or a look-alike KERNEL signed by another key', () => {
    assert.match(chainProblem(sign.x509, [], root.x509, T0) ?? '', /no trusted issuer signed CN=SIGN/);
    assert.match(chainProblem(sign.x509, [kernel.x509], issue('ROOT', undefined, true).x509, T0) ?? '', /no trusted issuer signed CN=KERNEL/);
    const lookAlike = issue('KERNEL', root, true);
    assert.match(chainProblem(sign.x509, [lookAlike.x509], root.x509, T0) ?? '', /no trusted issuer signed CN=SIGN/);
  });

  it('refuses an issuer that is not a CA', () => {
    const notCa = issue('KERNEL', root, false);
    const leaf = issue('SIGN', notCa, false);
    assert.match(chainProblem(leaf.x509, [notCa.x509], root.x509, T0) ?? '', /no trusted issuer/);
  });

  it('refuses a certificate outside its validity at the given time', () => {
    assert.match(chainProblem(sign.x509, [kernel.x509], root.x509, T0 + 200 * DAY) ?? '', /CN=SIGN is not valid now/);
    assert.match(chainProblem(sign.x509, [kernel.x509], root.x509, T0 - 2 * DAY) ?? '', /is not valid now/);
  });
});
