import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import type { TrustAnchor } from '../../../schemas/sbi';
import type { AppServices } from '../../../electron/host/createAppServices';
import { applyCaCertificates } from '../../../electron/services/db/repos/syncCertificates';
import { TRUST_DIR } from '../../../electron/services/devices/DevicesService';
import { certThumbprint } from '../../../native/sbi/trustAnchor';
import { ManualClock } from '../../../native/time/ManualClock';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { issueTestCertificate } from '../../helpers/testCertificates';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { replyValue } from '../../helpers/replyValue';

const DAY = 86_400_000;

describe('device trust anchors through the Router (device simulator on loopback)', () => {
  let keyPem: string;
  let simulator: SbiSimulator;
  let services: AppServices;
  let clock: ManualClock;
  let dataDir: string;
  let close: () => Promise<void>;
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const code = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code);
  const value = replyValue;
  const list = async (connectionId = 'off') => value<TrustAnchor[]>(await call(connectionId, 'devices.trustAnchors', {}));
  const discover = async () => value<{ devices: unknown[]; rejected: { code: string }[] }>(await call('off', 'devices.discover', {}));
  const anchorEvents = () => services.data.audit.recent(50).filter((e) => e.event.startsWith('DEVICE_TRUST_ANCHOR')).map((e) => [e.event, e.actor, e.details]);
  const simulatorThumbprint = () => certThumbprint(new X509Certificate(simulator.pki.deviceCaPem));
  const caValid = (cn: string, from: number, to: number) =>
    issueTestCertificate({ subjectCn: cn, subjectKeyPem: keyPem, issuerCn: cn, issuerKeyPem: keyPem, notBefore: new Date(from), notAfter: new Date(to), ca: true });

  before(() => {
    keyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  });
  beforeEach(async () => {
    const testClock = new ManualClock();
    simulator = await startSimulator({ now: () => testClock.now() });
    ({ services, clock, dataDir, close } = await openTestServices({ clock: testClock, app: { sbi: { ports: simulator.ports, captureTimeoutMs: 2000, infoTimeoutMs: 1000 } } }));
    assert.equal(code(await call('sup', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ok');
    assert.equal(code(await call('off', 'auth.login', { userId: 'officer1', password: 'Officer#2026' })), 'ok');
  });
  afterEach(async () => {
    await close();
    await simulator.close();
  });

  it("trusts the simulator's devices once a supervisor adds its CA, audited", async () => {
    const before = await discover();
    assert.equal(before.devices.length, 0);
    assert.deepEqual([...new Set(before.rejected.map((r) => r.code))], ['ERR_SBI_CERT_UNTRUSTED']);

    const added = value<TrustAnchor>(await call('sup', 'devices.addTrustAnchor', { pem: simulator.pki.deviceCaPem }));
    const thumbprint = simulatorThumbprint();
    assert.deepEqual(
      { ...added, validFrom: 0, validTo: 0 },
      {
        thumbprint,
        subject: 'CN=SBI Simulator Device CA, O=RegClient SBI Simulator',
        issuer: 'CN=SBI Simulator Device CA, O=RegClient SBI Simulator',
        validFrom: 0,
        validTo: 0,
        expired: false,
        notYetValid: false,
        selfSigned: true,
        domain: 'DEVICE',
        source: { kind: 'local', fileName: `${thumbprint}.pem` },
      },
    );
    assert.ok(existsSync(join(dataDir, TRUST_DIR, `${thumbprint}.pem`)));
    assert.deepEqual(await list('off'), [added], 'officers see the anchors too');
    assert.deepEqual(anchorEvents(), [['DEVICE_TRUST_ANCHOR_ADDED', 'supervisor1', { thumbprint, subject: 'SBI Simulator Device CA', fileName: `${thumbprint}.pem` }]]);

    const after = await discover();
    assert.deepEqual(after.rejected, []);
    assert.equal(after.devices.length, 3);
  });

  it('refuses officers, leaves, expired CAs, garbage and duplicates with their codes', async () => {
    assert.equal(code(await call('off', 'devices.addTrustAnchor', { pem: simulator.pki.deviceCaPem })), 'ERR_AUTH_FORBIDDEN');
    assert.equal(code(await call('sup', 'devices.addTrustAnchor', { pem: simulator.pki.device('face').certPem })), 'ERR_SBI_TRUST_ANCHOR_NOT_CA');
    const expired = caValid('Old Provider CA', clock.now() - 400 * DAY, clock.now() - DAY);
    const refused = await call('sup', 'devices.addTrustAnchor', { pem: expired });
    assert.equal(code(refused), 'ERR_SBI_TRUST_ANCHOR_EXPIRED');
    assert.deepEqual(!refused.ok && refused.error.details, { subject: 'Old Provider CA', notAfter: new Date(clock.now() - DAY).toISOString().slice(0, 10) });
    assert.equal(code(await call('sup', 'devices.addTrustAnchor', { pem: 'MIIB this is not a certificate' })), 'ERR_SBI_TRUST_ANCHOR_UNREADABLE');
    const empty = await call('sup', 'devices.addTrustAnchor', { pem: '' });
    assert.equal(code(empty), 'ERR_IPC_INVALID_INPUT');
    assert.deepEqual((empty as unknown as { error: { details: { issues: unknown[] } } }).error.details.issues, [{ path: 'pem', message: 'choose a certificate file' }]);
    assert.equal(code(await call('sup', 'devices.addTrustAnchor', { pem: simulator.pki.deviceCaPem })), 'ok');
    const duplicate = await call('sup', 'devices.addTrustAnchor', { pem: simulator.pki.deviceCaPem });
    assert.equal(code(duplicate), 'ERR_SBI_TRUST_ANCHOR_DUPLICATE');
    assert.deepEqual(!duplicate.ok && duplicate.error.details, { subject: 'SBI Simulator Device CA', thumbprint: simulatorThumbprint(), source: 'local' });
    assert.equal((await list()).length, 1, 'only the one good anchor was kept');
    assert.equal(anchorEvents().length, 1);
  });

  it('removes a local anchor (supervisor only, audited): the devices are refused again', async () => {
    value(await call('sup', 'devices.addTrustAnchor', { pem: simulator.pki.deviceCaPem }));
    const thumbprint = simulatorThumbprint();
    assert.equal(code(await call('off', 'devices.removeTrustAnchor', { thumbprint })), 'ERR_AUTH_FORBIDDEN');
    const badInput = await call('sup', 'devices.removeTrustAnchor', { thumbprint: thumbprint.toUpperCase() });
    assert.equal(code(badInput), 'ERR_IPC_INVALID_INPUT');
    assert.deepEqual((badInput as unknown as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path), ['thumbprint']);

    value(await call('sup', 'devices.removeTrustAnchor', { thumbprint }));
    assert.deepEqual(await list(), []);
    assert.equal(existsSync(join(dataDir, TRUST_DIR, `${thumbprint}.pem`)), false);
    assert.deepEqual(anchorEvents()[0], ['DEVICE_TRUST_ANCHOR_REMOVED', 'supervisor1', { thumbprint, subject: 'SBI Simulator Device CA', fileNames: [`${thumbprint}.pem`] }]);
    assert.equal(code(await call('sup', 'devices.removeTrustAnchor', { thumbprint })), 'ERR_SBI_TRUST_ANCHOR_NOT_FOUND');
    const again = await discover();
    assert.deepEqual([again.devices.length, [...new Set(again.rejected.map((r) => r.code))]], [0, ['ERR_SBI_CERT_UNTRUSTED']]);
  });

  it('lists server anchors with their partner domain; they trust devices and cannot be removed here', async () => {
    const thumbprint = simulatorThumbprint();
    const ftmPem = simulator.pki.ftmCaPem;
    applyCaCertificates(
      services.data.db,
      [
        { certId: 'dev-ca-1', partnerDomain: 'DEVICE', pem: simulator.pki.deviceCaPem, thumbprint, notAfter: undefined, deleted: false },
        { certId: 'ftm-ca-1', partnerDomain: 'FTM', pem: ftmPem, thumbprint: certThumbprint(new X509Certificate(ftmPem)), notAfter: undefined, deleted: false },
      ],
      clock.now(),
    );
    assert.deepEqual(
      (await list()).map((a) => [a.subject, a.domain, a.source]),
      [
        ['CN=SBI Simulator Device CA, O=RegClient SBI Simulator', 'DEVICE', { kind: 'server', partnerDomain: 'DEVICE', certId: 'dev-ca-1' }],
        ['CN=SBI Simulator FTM CA, O=RegClient SBI Simulator', 'FTM', { kind: 'server', partnerDomain: 'FTM', certId: 'ftm-ca-1' }],
      ],
    );
    const removal = await call('sup', 'devices.removeTrustAnchor', { thumbprint });
    assert.equal(code(removal), 'ERR_SBI_TRUST_ANCHOR_SERVER_MANAGED');
    assert.deepEqual(!removal.ok && removal.error.details, { thumbprint, subject: 'SBI Simulator Device CA', partnerDomain: 'DEVICE' });
    assert.equal(code(await call('sup', 'devices.addTrustAnchor', { pem: simulator.pki.deviceCaPem })), 'ERR_SBI_TRUST_ANCHOR_DUPLICATE');
    assert.equal((await discover()).devices.length, 3);
    assert.deepEqual(anchorEvents(), []);
  });
});
