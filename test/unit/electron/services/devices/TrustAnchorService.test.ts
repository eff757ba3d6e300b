import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, before, beforeEach, describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { certThumbprint } from '../../../../../native/sbi/trustAnchor';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../electron/services/db/Database';
import { applyCaCertificates } from '../../../../../electron/services/db/repos/syncCertificates';
import { TRUST_DIR, TrustAnchorService } from '../../../../../electron/services/devices/TrustAnchorService';
import { codeOf } from '../../../../helpers/assertAppError';
import { issueTestCertificate } from '../../../../helpers/testCertificates';
import { openMigratedDb } from '../../../../helpers/migratedDb';
import '../../../../helpers/openTestDataDir';

const DAY = 86_400_000;

describe('TrustAnchorService', () => {
  let keyPem: string;
  let opened: ReturnType<typeof openMigratedDb>;
  let db: DB;
  let clock: ManualClock;
  let audit: AuditLog;
  let anchors: TrustAnchorService;
  const ca = (cn: string) =>
    issueTestCertificate({ subjectCn: cn, subjectKeyPem: keyPem, issuerCn: cn, issuerKeyPem: keyPem, notBefore: new Date(clock.now() - DAY), notAfter: new Date(clock.now() + 365 * DAY), ca: true });
  const trustDir = () => join(opened.dir, TRUST_DIR);
  const serverCa = (certId: string, partnerDomain: string, pem: string) => {
    const cert = new X509Certificate(pem);
    applyCaCertificates(db, [{ certId, partnerDomain, pem, thumbprint: certThumbprint(cert), notAfter: cert.validTo, deleted: false }], clock.now());
  };

  before(() => {
    keyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  });
  beforeEach(() => {
    opened = openMigratedDb();
    db = opened.db;
    clock = new ManualClock();
    audit = new AuditLog(db, clock);
    anchors = new TrustAnchorService({ db, dataDir: opened.dir, audit, clock });
  });
  afterEach(() => {
    opened.close();
  });

  it('lists DEVICE and FTM server anchors, then local files (ftm* files in the FTM domain), skipping unreadable ones', () => {
    serverCa('dev-1', 'DEVICE', ca('Server Device CA'));
    serverCa('ftm-1', 'FTM', ca('Server FTM CA'));
    serverCa('auth-1', 'AUTH', ca('Server Auth CA'));
    mkdirSync(trustDir());
    writeFileSync(join(trustDir(), 'ftm-ca.pem'), ca('Local FTM CA'));
    writeFileSync(join(trustDir(), 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    writeFileSync(join(trustDir(), 'notes.txt'), ca('Not a pem file name'));
    assert.deepEqual(
      anchors.list().map((a) => [a.subject, a.domain, a.source]),
      [
        ['CN=Server Device CA', 'DEVICE', { kind: 'server', partnerDomain: 'DEVICE', certId: 'dev-1' }],
        ['CN=Server FTM CA', 'FTM', { kind: 'server', partnerDomain: 'FTM', certId: 'ftm-1' }],
        ['CN=Local FTM CA', 'FTM', { kind: 'local', fileName: 'ftm-ca.pem' }],
      ],
    );
    const trust = anchors.trustStore();
    assert.deepEqual([trust.size('DEVICE'), trust.size('FTM')], [1, 2]);
  });

  it('writes an added anchor as trust/<thumbprint>.pem, owner-only, and audits it', async () => {
    const pem = ca('Added CA');
    const added = await anchors.add(`comment line\n${pem}`, 'supervisor1');
    const fileName = `${certThumbprint(new X509Certificate(pem))}.pem`;
    assert.deepEqual(added.source, { kind: 'local', fileName });
    assert.equal(readFileSync(join(trustDir(), fileName), 'utf8'), new X509Certificate(pem).toString());
    assert.equal(statSync(join(trustDir(), fileName)).mode & 0o777, 0o600);
    assert.deepEqual(anchors.list(), [added]);
    const entry = audit.recent(1)[0]!;
    assert.deepEqual([entry.event, entry.actor, entry.details], ['DEVICE_TRUST_ANCHOR_ADDED', 'supervisor1', { thumbprint: added.thumbprint, subject: 'Added CA', fileName }]);
  });

  it('refuses a certificate already trusted from the server', async () => {
    const pem = ca('Server Device CA');
    serverCa('dev-1', 'DEVICE', pem);
    await assert.rejects(anchors.add(pem, 'supervisor1'), (err: AppError) => err.code === 'ERR_SBI_TRUST_ANCHOR_DUPLICATE' && (err.details as { source: string }).source === 'server');
  });

  it('takes a sub-CA only once its root is trusted, as keymanager does', async () => {
    const subKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const root = ca('Provider Root');
    const sub = issueTestCertificate({
      subjectCn: 'Provider Device Sub-CA', subjectKeyPem: subKey, issuerCn: 'Provider Root', issuerKeyPem: keyPem,
      notBefore: new Date(clock.now() - DAY), notAfter: new Date(clock.now() + 30 * DAY), ca: true,
    });
    await assert.rejects(anchors.add(sub, 'supervisor1'), (err: AppError) => {
      assert.deepEqual([err.code, err.details], ['ERR_SBI_TRUST_ANCHOR_ROOT_NOT_FOUND', { subject: 'Provider Device Sub-CA', issuer: 'Provider Root' }]);
      return true;
    });
    await anchors.add(root, 'supervisor1');
    const added = await anchors.add(sub, 'supervisor1');
    assert.deepEqual([added.selfSigned, anchors.list().length], [false, 2]);
  });

  it('removes one anchor from a bundle file, keeping the others, and deletes a file left empty', async () => {
    const [a, b] = [ca('Bundle A'), ca('Bundle B')];
    mkdirSync(trustDir());
    writeFileSync(join(trustDir(), 'bundle.pem'), a + b);
    const [first, second] = anchors.list();
    await anchors.remove(first!.thumbprint, 'supervisor1');
    assert.deepEqual(anchors.list().map((x) => x.subject), ['CN=Bundle B']);
    await anchors.remove(second!.thumbprint, 'supervisor1');
    assert.equal(existsSync(join(trustDir(), 'bundle.pem')), false);
    assert.deepEqual(audit.recent(2).map((e) => [e.event, e.details['subject'], e.details['fileNames']]), [
      ['DEVICE_TRUST_ANCHOR_REMOVED', 'Bundle B', ['bundle.pem']],
      ['DEVICE_TRUST_ANCHOR_REMOVED', 'Bundle A', ['bundle.pem']],
    ]);
  });

  it('refuses to remove a server anchor or an unknown one, changing nothing', async () => {
    serverCa('dev-1', 'DEVICE', ca('Server Device CA'));
    const [server] = anchors.list();
    assert.equal(await codeOf(anchors.remove(server!.thumbprint, 'supervisor1')), 'ERR_SBI_TRUST_ANCHOR_SERVER_MANAGED');
    assert.equal(await codeOf(anchors.remove('0'.repeat(64), 'supervisor1')), 'ERR_SBI_TRUST_ANCHOR_NOT_FOUND');
    assert.equal(anchors.list().length, 1);
    assert.equal(audit.recent(5).filter((e) => e.event.startsWith('DEVICE_TRUST_ANCHOR')).length, 0);
  });

  it('reports a folder it cannot write to, without an audit entry', async () => {
    writeFileSync(trustDir(), 'a file where the folder should be');
    assert.equal(await codeOf(anchors.add(ca('Added CA'), 'supervisor1')), 'ERR_SBI_TRUST_ANCHOR_WRITE_FAILED');
    assert.equal(audit.recent(5).filter((e) => e.event.startsWith('DEVICE_TRUST_ANCHOR')).length, 0);
  });
});
