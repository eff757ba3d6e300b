import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { AppError } from '../../../../schemas/errors';
import { describeTrustAnchor, parseCaCertificate, parsePemCertificates } from '../../../../native/sbi/trustAnchor';
import { issueTestCertificate } from '../../../helpers/testCertificates';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

/** The AppError code `fn` throws, with its details. */
function thrown(fn: () => unknown): { code: string; details: unknown } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    return { code: err.code, details: err.details };
  }
  assert.fail('expected a throw');
}

describe('trustAnchor', () => {
  let keyPem: string;
  const cert = (o: { cn?: string; ca?: boolean; from?: number; to?: number; issuerCn?: string }) =>
    issueTestCertificate({
      subjectCn: o.cn ?? 'Device Provider CA',
      subjectKeyPem: keyPem,
      issuerCn: o.issuerCn ?? o.cn ?? 'Device Provider CA',
      issuerKeyPem: keyPem,
      notBefore: new Date(o.from ?? NOW - DAY),
      notAfter: new Date(o.to ?? NOW + 365 * DAY),
      ca: o.ca ?? true,
    });

  before(() => {
    keyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  });

  it('accepts a CA certificate valid now, with text around the PEM block', () => {
    const pem = cert({});
    const parsed = parseCaCertificate(`exported by support\n${pem}\n`, NOW);
    assert.equal(parsed.subject, 'CN=Device Provider CA');
  });

  it('refuses garbage and a broken PEM block as unreadable', () => {
    assert.deepEqual(thrown(() => parseCaCertificate('hello', NOW)), { code: 'ERR_SBI_TRUST_ANCHOR_UNREADABLE', details: {} });
    const broken = '-----BEGIN CERTIFICATE-----\nTUlJQm5vdGFjZXJ0\n-----END CERTIFICATE-----';
    assert.deepEqual(thrown(() => parseCaCertificate(broken, NOW)), { code: 'ERR_SBI_TRUST_ANCHOR_UNREADABLE', details: {} });
  });

  it('refuses a bundle of two certificates', () => {
    assert.deepEqual(thrown(() => parseCaCertificate(cert({}) + cert({ cn: 'Other CA' }), NOW)), { code: 'ERR_SBI_TRUST_ANCHOR_NOT_SINGLE', details: { count: 2 } });
  });

  it('refuses a leaf certificate (basicConstraints CA:false)', () => {
    assert.deepEqual(thrown(() => parseCaCertificate(cert({ cn: 'sim-face', issuerCn: 'Device Provider CA', ca: false }), NOW)), {
      code: 'ERR_SBI_TRUST_ANCHOR_NOT_CA',
      details: { subject: 'sim-face' },
    });
  });

  it('refuses an expired CA and one not valid yet, naming the day', () => {
    assert.deepEqual(thrown(() => parseCaCertificate(cert({ from: NOW - 30 * DAY, to: NOW - 2 * DAY }), NOW)), {
      code: 'ERR_SBI_TRUST_ANCHOR_EXPIRED',
      details: { subject: 'Device Provider CA', notAfter: '2026-05-30' },
    });
    assert.deepEqual(thrown(() => parseCaCertificate(cert({ from: NOW + 2 * DAY, to: NOW + 30 * DAY }), NOW)), {
      code: 'ERR_SBI_TRUST_ANCHOR_NOT_YET_VALID',
      details: { subject: 'Device Provider CA', notBefore: '2026-06-03' },
    });
  });

  it('describes an anchor with its SHA-256 thumbprint, validity flags and source', () => {
    const pem = cert({ from: NOW - 30 * DAY, to: NOW - 2 * DAY });
    const x509 = new X509Certificate(pem);
    const anchor = describeTrustAnchor(x509, NOW, 'DEVICE', { kind: 'local', fileName: 'old.pem' });
    assert.deepEqual(anchor, {
      thumbprint: createHash('sha256').update(x509.raw).digest('hex'),
      subject: 'CN=Device Provider CA',
      issuer: 'CN=Device Provider CA',
      validFrom: Math.floor((NOW - 30 * DAY) / 1000) * 1000,
      validTo: Math.floor((NOW - 2 * DAY) / 1000) * 1000,
      expired: true,
      notYetValid: false,
      selfSigned: true,
      domain: 'DEVICE',
      source: { kind: 'local', fileName: 'old.pem' },
    });
    const intermediate = describeTrustAnchor(new X509Certificate(cert({ cn: 'Intermediate CA', issuerCn: 'Root CA' })), NOW, 'FTM', { kind: 'server', partnerDomain: 'FTM', certId: 'c1' });
    assert.deepEqual([intermediate.selfSigned, intermediate.expired, intermediate.notYetValid, intermediate.issuer], [false, false, false, 'CN=Root CA']);
  });

  it('reads every certificate of a bundle file', () => {
    assert.deepEqual(parsePemCertificates(cert({ cn: 'A' }) + cert({ cn: 'B' })).map((c) => c.subject), ['CN=A', 'CN=B']);
    assert.deepEqual(parsePemCertificates('nothing here'), []);
  });
});
