import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import { deleteCertificateForTest } from './signCertTestDb';
import { getCertificate } from '../../../electron/services/db/repos/syncCertificates';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';
import { codeOf } from '../../helpers/assertAppError';

describe('KERNEL/SIGN rotation (ROOT → KERNEL → SIGN)', () => {
  const s = useSimBed({ client: 'each', pinned: true });
  beforeEach(() => {
    assert.equal(s.pinned, 1);
  });

  it('pins ROOT, KERNEL and SIGN on first use, and a second sync changes nothing', async () => {
    assert.equal(getCertificate(s.client.db, 'ROOT', '')?.pem, s.bed.sim.pki.root.certPem);
    assert.equal(getCertificate(s.client.db, 'KERNEL', '')?.pem, s.bed.sim.pki.kernel.certPem);
    assert.equal(getCertificate(s.client.db, 'KERNEL', 'SIGN')?.pem, s.bed.sim.pki.kernelSign.certPem);
    assert.equal(await s.client.service.syncSignCertificate(), 0);
  });

  it('accepts a rotated certificate that chains to the pinned root, and then trusts answers signed with it', async () => {
    const old = getCertificate(s.client.db, 'KERNEL', 'SIGN')!.pem;
    const { certificate } = (await admin(s.bed.sim, 'pki/rotate-sign', { trusted: true })) as { certificate: string };
    assert.notEqual(certificate, old);
    // as in the Java s.client, answers signed with the new key fail until the certificate is synced again
    assert.equal(await codeOf(s.client.service.syncConfigs()), 'ERR_SYNC_SIGNATURE_INVALID');
    assert.equal(await s.client.service.syncSignCertificate(), 1);
    assert.equal(getCertificate(s.client.db, 'KERNEL', 'SIGN')?.pem, certificate);
    assert.ok((await s.client.service.syncConfigs()) >= 0);
  });

  it('accepts a SIGN certificate issued by a renewed KERNEL that chains to the pinned ROOT, and pins that KERNEL', async () => {
    const oldKernel = getCertificate(s.client.db, 'KERNEL', '')!.pem;
    const { certificate } = (await admin(s.bed.sim, 'pki/rotate-sign', { trusted: true, kernel: true })) as { certificate: string };
    assert.notEqual(s.bed.sim.pki.kernel.certPem, oldKernel);
    assert.equal(await s.client.service.syncSignCertificate(), 1);
    assert.deepEqual([getCertificate(s.client.db, 'KERNEL', 'SIGN')?.pem, getCertificate(s.client.db, 'KERNEL', '')?.pem], [certificate, s.bed.sim.pki.kernel.certPem]);
  });

  it('refuses a rotated certificate that does not chain (issuer named KERNEL, signed by another key) and keeps the old pin', async () => {
    const old = getCertificate(s.client.db, 'KERNEL', 'SIGN')!.pem;
    const { certificate } = (await admin(s.bed.sim, 'pki/rotate-sign', { trusted: false })) as { certificate: string };
    try {
      assert.equal(new X509Certificate(certificate).issuer, new X509Certificate(s.bed.sim.pki.kernel.certPem).subject);
      assert.equal(await codeOf(s.client.service.syncSignCertificate()), 'ERR_SYNC_SIGN_CERT_UNTRUSTED');
      assert.equal(getCertificate(s.client.db, 'KERNEL', 'SIGN')?.pem, old);
      assert.equal(await codeOf(s.client.service.syncConfigs()), 'ERR_SYNC_SIGNATURE_INVALID');
    } finally {
      await admin(s.bed.sim, 'pki/rotate-sign', { trusted: true }); // leave the s.bed trusted for the next test
    }
  });

  it('fills in ROOT and KERNEL for a machine pinned before they were kept, vouched for by the pinned SIGN key', async () => {
    deleteCertificateForTest(s.client.db, 'ROOT', '');
    deleteCertificateForTest(s.client.db, 'KERNEL', '');
    assert.equal(await s.client.service.syncSignCertificate(), 0);
    assert.equal(getCertificate(s.client.db, 'ROOT', '')?.pem, s.bed.sim.pki.root.certPem);
    assert.equal(getCertificate(s.client.db, 'KERNEL', '')?.pem, s.bed.sim.pki.kernel.certPem);
  });
});
