import assert from 'node:assert/strict';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedRegistrationCert, RegistrationCertFile } from '../../../../../electron/services/packets/RegistrationCertProvider';
import { certificateThumbprint } from '../../../../../electron/services/packets/mosipEnvelope';
import { pemToDer } from '../../../../../electron/services/packets/registrationCert';
import { throwsWithCode } from '../../../../helpers/assertAppError';
import { issueCertificate, makeTestPki } from '../../../../helpers/packetKeys';
import { makeTempDir } from '../../../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const DAY = 86_400_000;
const first = makeTestPki(NOW);
const thumbprintOf = (pem: string) => certificateThumbprint(pemToDer(pem));
// the same key under a second certificate, so the two differ only in what the file holds
const second = issueCertificate({
  subjectCn: 'REGISTRATION-10001_10002', subjectKeyPem: first.regKeyPem, issuerCn: 'Test ROOT', issuerKeyPem: first.regKeyPem,
  notBefore: new Date(NOW - DAY), notAfter: new Date(NOW + 2 * DAY),
});

describe('RegistrationCertFile', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let path: string;
  beforeEach(() => {
    temp = makeTempDir('reg-cert-');
    path = join(temp.path, 'REGISTRATION.pem');
  });
  afterEach(() => temp.remove());

  it('says the certificate is missing, naming the file, until sync writes it', () => {
    const provider = new RegistrationCertFile(path);
    throwsWithCode(() => provider.current(NOW), 'ERR_PACKET_REG_CERT_MISSING', { path });
    writeFileSync(path, first.regCertPem);
    assert.deepEqual(provider.current(NOW).thumbprint, thumbprintOf(first.regCertPem));
  });

  it('parses the file once while it is unchanged', () => {
    writeFileSync(path, first.regCertPem);
    const provider = new RegistrationCertFile(path);
    assert.equal(provider.current(NOW), provider.current(NOW + 1000));
  });

  it('reads the certificate again when a sync replaces the file', () => {
    writeFileSync(path, first.regCertPem);
    const provider = new RegistrationCertFile(path);
    assert.deepEqual(provider.current(NOW).thumbprint, thumbprintOf(first.regCertPem));
    // as a sync writes: a new file moved into place
    writeFileSync(`${path}.tmp`, second);
    renameSync(`${path}.tmp`, path);
    assert.deepEqual(provider.current(NOW).thumbprint, thumbprintOf(second));
  });

  it('checks the cached certificate against the time of each build', () => {
    writeFileSync(path, second);
    const provider = new RegistrationCertFile(path);
    provider.current(NOW);
    throwsWithCode(() => provider.current(NOW + 3 * DAY), 'ERR_PACKET_REG_CERT_EXPIRED');
  });

  it('refuses a file that holds no certificate', () => {
    writeFileSync(path, 'not a certificate');
    throwsWithCode(() => new RegistrationCertFile(path).current(NOW), 'ERR_PACKET_REG_CERT_INVALID');
  });
});

describe('fixedRegistrationCert', () => {
  it('parses once and checks the validity at every build', () => {
    const provider = fixedRegistrationCert(second);
    assert.equal(provider.current(NOW), provider.current(NOW + DAY));
    throwsWithCode(() => provider.current(NOW + 3 * DAY), 'ERR_PACKET_REG_CERT_EXPIRED');
  });

  it('takes the validity period as inclusive of both ends (RFC 5280 §4.1.2.5), and not a millisecond more', () => {
    const provider = fixedRegistrationCert(second);
    const [notBefore, notAfter] = [NOW - DAY, NOW + 2 * DAY];
    const period = { notBefore: new Date(notBefore).toISOString(), notAfter: new Date(notAfter).toISOString() };
    assert.deepEqual(provider.current(notBefore).thumbprint, thumbprintOf(second));
    assert.deepEqual(provider.current(notAfter).thumbprint, thumbprintOf(second));
    throwsWithCode(() => provider.current(notBefore - 1), 'ERR_PACKET_REG_CERT_EXPIRED', period);
    throwsWithCode(() => provider.current(notAfter + 1), 'ERR_PACKET_REG_CERT_EXPIRED', period);
  });
});
