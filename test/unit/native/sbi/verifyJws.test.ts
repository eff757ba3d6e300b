import assert from 'node:assert/strict';
import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { TrustStore } from '../../../../native/sbi/TrustStore';
import { verifyJws, type JwsCheck } from '../../../../native/sbi/verifyJws';
import { throwsWithCode } from '../../../helpers/assertAppError';
import { issueTestCertificate, newRsaKeyPem, selfSignedCa } from '../../../helpers/testCertificates';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const derB64 = (pem: string) => new X509Certificate(pem).raw.toString('base64');

describe('verifyJws (SBI signed blocks)', () => {
  let rootPem: string;
  let rootKey: string;
  let deviceKey: string;
  let devicePem: string;
  let check: JwsCheck;

  /** A JWS signed with RSA-SHA256 by `key`, whatever `alg` its header claims. */
  const jws = (header: Record<string, unknown>, payload: string, key = deviceKey): string => {
    const signingInput = `${b64u(JSON.stringify(header))}.${b64u(payload)}`;
    return `${signingInput}.${b64u(sign('sha256', Buffer.from(signingInput, 'ascii'), createPrivateKey(key)))}`;
  };

  before(() => {
    rootKey = newRsaKeyPem();
    rootPem = selfSignedCa(rootKey, 'Device Root CA', NOW - DAY, NOW + 365 * DAY);
    deviceKey = newRsaKeyPem();
    devicePem = issueTestCertificate({ subjectCn: 'device', subjectKeyPem: deviceKey, issuerCn: 'Device Root CA', issuerKeyPem: rootKey, notBefore: new Date(NOW - DAY), notAfter: new Date(NOW + 30 * DAY), ca: false });
    const trust = new TrustStore();
    trust.addPem(rootPem);
    check = { port: 4501, part: 'data', trust, domain: 'DEVICE', now: NOW, clockSkewMs: 0 };
  });

  it('accepts an RS256 JWS from a trusted device and returns the payload as signed', () => {
    const verified = verifyJws(jws({ alg: 'RS256', x5c: [derB64(devicePem)] }, '{"a":1}'), check);
    assert.equal(verified.payloadText, '{"a":1}');
  });

  it('refuses any other algorithm in the header, even with a good RSA-SHA256 signature', () => {
    for (const alg of ['none', 'HS256', 'RS512', 'PS256', undefined]) {
      throwsWithCode(() => verifyJws(jws({ alg, x5c: [derB64(devicePem)] }, '{}'), check), 'ERR_SBI_JWS_MALFORMED', { port: 4501, part: 'data', issue: `alg ${String(alg)} is not allowed` });
    }
  });

  it('refuses a leaf signed by an impostor CA that copies the trusted CA name', () => {
    const impostorKey = newRsaKeyPem();
    const forged = issueTestCertificate({ subjectCn: 'device', subjectKeyPem: deviceKey, issuerCn: 'Device Root CA', issuerKeyPem: impostorKey, notBefore: new Date(NOW - DAY), notAfter: new Date(NOW + 30 * DAY), ca: false });
    throwsWithCode(() => verifyJws(jws({ alg: 'RS256', x5c: [derB64(forged)] }, '{}'), check), 'ERR_SBI_CERT_UNTRUSTED');
  });

  it('refuses a signature by another key than the x5c leaf', () => {
    throwsWithCode(() => verifyJws(jws({ alg: 'RS256', x5c: [derB64(devicePem)] }, '{}', newRsaKeyPem()), check), 'ERR_SBI_SIGNATURE_INVALID', { port: 4501, part: 'data' });
  });
});
