import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AppError, isAppError } from '../../../schemas/errors';
import { ManualClock } from '../../../native/time/ManualClock';
import { getOperator, insertOperator } from '../../../electron/services/db/repos/operators';
import { countMasterData, listMasterData } from '../../../electron/services/db/repos/masterData';
import { getConfigValue } from '../../../electron/services/db/repos/syncConfig';
import { getCertificate } from '../../../electron/services/db/repos/syncCertificates';
import { latestIdSchema } from '../../../electron/services/db/repos/idSchemas';
import { getSyncControl } from '../../../electron/services/db/repos/syncControl';
import { listCaCertificates } from '../../../electron/services/db/repos/syncCertificates';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import { admin, makeClient, makeMachineKey } from './syncTestBed';
import { useSimBed } from './useSimBed';

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(isAppError(err), `expected AppError ${code}, got ${String(err)}`);
    assert.equal(err.code, code, `${err.code}: ${err.message} ${JSON.stringify(err.details)}`);
    return err;
  }
  assert.fail(`expected ${code}, but it resolved`);
}

describe('MosipSyncService against the simulator', () => {
  const s = useSimBed({ client: 'each', revive: true });

  it('logs an officer in with roles from the token, then verifies the machine (which needs the session)', async () => {
    await rejectsWith(s.client.service.verifyMachine(), 'ERR_SYNC_AUTH_EXPIRED');
    const session = await s.client.service.login('officer1', 'Officer#2026');
    assert.equal(await s.client.service.verifyMachine(), s.bed.machineKey.keyIndex);
    assert.deepEqual(session.roles, ['REGISTRATION_OFFICER']);
    assert.equal(session.userId, 'officer1');
    assert.ok(session.expiresAt > s.bed.clock.now());
  });

  it('runs a full initial down-sync into the database and writes REGISTRATION.pem', async () => {
    await s.client.service.login('supervisor1', 'Supervisor#2026');
    const summary = await s.client.service.downSync();
    assert.deepEqual(
      summary.jobs.map((j) => [j.job, j.ok, j.error]),
      ['signCertificate', 'registrationCertificate', 'masterData', 'configs', 'userDetails', 'idSchema', 'caCertificates'].map((j) => [j, true, null]),
    );
    const counts = countMasterData(s.client.db);
    assert.equal(counts['RegistrationCenter'], 2);
    assert.equal(counts['Location'], 4);
    assert.equal(counts['ReasonList'], 2);
    assert.equal(getConfigValue(s.client.db, 'mosip.registration.idle_time'), '900');
    assert.equal(getConfigValue(s.client.db, 'mosip.kernel.rid.length'), '29');
    const officer = getOperator(s.client.db, 'officer1');
    assert.deepEqual([officer?.roles, officer?.passwordHash, officer?.isActive], [['REGISTRATION_OFFICER'], undefined, true]);
    assert.deepEqual(getOperator(s.client.db, 'supervisor1')?.roles, ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER']);
    const regPem = readFileSync(join(s.client.dataDir, REGISTRATION_CERT_PATH), 'utf8');
    assert.equal(regPem, s.bed.sim.pki.registration('10001_10002').certPem);
    assert.equal(getCertificate(s.client.db, 'KERNEL', 'SIGN')?.pem, s.bed.sim.pki.kernelSign.certPem);
    const schema = latestIdSchema(s.client.db);
    assert.equal(schema?.idVersion, 0.1);
    assert.equal((JSON.parse(schema!.schemaJson) as { title: string }).title, 'MOSIP identity');
    assert.equal(summary.jobs.find((j) => j.job === 'registrationCertificate')?.changed, 1, 'a first certificate is a change');
    assert.equal(await s.client.service.syncRegistrationCertificate(), 0, 'the same certificate again is not');
  });

  it('keeps the local password hash and updates roles when user details sync', async () => {
    insertOperator(s.client.db, { userId: 'officer1', name: 'Local Name', roles: ['Default'], passwordHash: 'local-hash', language: 'eng' }, 1);
    insertOperator(s.client.db, { userId: 'localadmin', name: 'Local Admin', roles: ['REGISTRATION_SUPERVISOR'], passwordHash: 'h2', language: 'por' }, 1);
    await s.client.service.login('officer1', 'Officer#2026');
    await s.client.service.syncUserDetails();
    const officer = getOperator(s.client.db, 'officer1')!;
    assert.deepEqual([officer.passwordHash, officer.roles, officer.name, officer.language], ['local-hash', ['REGISTRATION_OFFICER'], 'Officer One', 'eng']);
    assert.equal(getOperator(s.client.db, 'localadmin')?.isActive, true, 'an operator created locally is not deactivated by sync');
    await admin(s.bed.sim, 'users', { userId: 'officer1', isActive: false });
    await s.client.service.syncUserDetails();
    assert.equal(getOperator(s.client.db, 'officer1')?.isActive, false);
    await admin(s.bed.sim, 'users', { userId: 'officer1', isActive: true });
  });

  it('asks only for the delta after the first master-data sync', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    const first = await s.client.service.syncMasterData();
    assert.ok(first > 10);
    s.bed.clock.advance(60_000);
    await admin(s.bed.sim, 'masterdata', { entityName: 'ReasonList', rows: [{ code: 'APM', name: 'Foto não corresponde ao requerente', rsnCatCode: 'CLR', langCode: 'por', isActive: true }] });
    s.bed.clock.advance(60_000);
    assert.equal(await s.client.service.syncMasterData(), 1);
    const apm = listMasterData(s.client.db, 'ReasonList', 'por').find((r) => r.rowKey === 'APM|CLR');
    assert.equal(apm?.data['name'], 'Foto não corresponde ao requerente');
    assert.equal(await s.client.service.syncMasterData(), 0, 'nothing changed since the last delta');
    assert.ok((await s.client.service.syncMasterData({ full: true })) > 10, 'a full sync sends everything again');
  });

  it('keeps a master-data row without isActive as active, and one with isActive false as inactive', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await s.client.service.syncMasterData();
    s.bed.clock.advance(60_000);
    await admin(s.bed.sim, 'masterdata', { entityName: 'ReasonList', rows: [
      { code: 'NOA', name: 'Sem indicação de estado', rsnCatCode: 'CLR', langCode: 'por' },
      { code: 'OFF', name: 'Motivo desativado', rsnCatCode: 'CLR', langCode: 'por', isActive: false },
    ] });
    s.bed.clock.advance(60_000);
    assert.equal(await s.client.service.syncMasterData(), 2);
    const active = new Map(listMasterData(s.client.db, 'ReasonList', 'por').map((r) => [r.rowKey, r.isActive]));
    assert.deepEqual([active.get('NOA|CLR'), active.get('OFF|CLR')], [true, false]);
  });

  it('syncs CA certificates for the device trust store, and removes deleted ones', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await admin(s.bed.sim, 'cacerts', { certId: 'dev-ca-1', certData: s.bed.sim.pki.root.certPem, partnerDomain: 'DEVICE' });
    assert.equal(await s.client.service.syncCaCertificates(), 1);
    assert.deepEqual(listCaCertificates(s.client.db, 'DEVICE').map((c) => c.certId), ['dev-ca-1']);
    s.bed.clock.advance(1000);
    await admin(s.bed.sim, 'cacerts', { certId: 'dev-ca-2', certData: s.bed.sim.pki.root.certPem, partnerDomain: 'DEVICE' });
    s.bed.clock.advance(1000);
    assert.equal(await s.client.service.syncCaCertificates(), 1, 'only what changed since the last sync');
    assert.deepEqual(listCaCertificates(s.client.db, 'DEVICE').map((c) => c.certId), ['dev-ca-1', 'dev-ca-2']);
    s.bed.clock.advance(1000);
    await admin(s.bed.sim, 'cacerts', { certId: 'dev-ca-1', certData: s.bed.sim.pki.root.certPem, partnerDomain: 'DEVICE', isDeleted: true });
    await admin(s.bed.sim, 'cacerts', { certId: 'dev-ca-2', certData: s.bed.sim.pki.root.certPem, partnerDomain: 'DEVICE', isDeleted: true });
    s.bed.clock.advance(1000);
    assert.equal(await s.client.service.syncCaCertificates(), 2);
    assert.deepEqual(listCaCertificates(s.client.db), []);
  });

  it('maps a wrong password to ERR_SYNC_LOGIN_FAILED (park)', async () => {
    const err = await rejectsWith(s.client.service.login('officer1', 'wrong'), 'ERR_SYNC_LOGIN_FAILED');
    assert.equal(err.retry, 'park');
    assert.equal(s.client.service.session, undefined);
  });

  it('maps an unregistered machine key to ERR_SYNC_MACHINE_NOT_REGISTERED', async () => {
    const stranger = makeClient(s.bed, { machineKey: makeMachineKey() });
    try {
      await rejectsWith(stranger.service.login('officer1', 'Officer#2026'), 'ERR_SYNC_MACHINE_NOT_REGISTERED');
    } finally {
      stranger.close();
    }
  });

  it('tells the operator to fix the clock when it is an hour ahead', async () => {
    const skewed = makeClient(s.bed, { clock: new ManualClock(s.bed.clock.now() + 60 * 60_000) });
    try {
      const err = await rejectsWith(skewed.service.login('officer1', 'Officer#2026'), 'ERR_SYNC_CLOCK_SKEW');
      assert.equal(err.retry, 'park');
      assert.deepEqual(err.details, { endpoint: '/v1/syncdata/authenticate/useridpwd', skewMinutes: 60 });
    } finally {
      skewed.close();
    }
  });

  it('refuses a response whose Response-Signature does not verify, and writes nothing', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await s.client.service.syncSignCertificate();
    await admin(s.bed.sim, 'faults', { endpoint: '/v1/syncdata/v2/clientsettings', kind: 'badSignature' });
    await rejectsWith(s.client.service.syncMasterData(), 'ERR_SYNC_SIGNATURE_INVALID');
    assert.deepEqual(countMasterData(s.client.db), {});
  });

  it('classifies 5xx, 429 and 401 faults with their retry class', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await admin(s.bed.sim, 'faults', {
      faults: [
        { endpoint: '/v1/syncdata/v2/userdetails', kind: 'status', status: 503, times: 1 },
        { endpoint: '/v1/syncdata/v2/userdetails', kind: 'rateLimit', retryAfterSeconds: 7, times: 1 },
        { endpoint: '/v1/syncdata/v2/userdetails', kind: 'unauthorized', times: 1 },
      ],
    });
    assert.equal((await rejectsWith(s.client.service.syncUserDetails(), 'ERR_SYNC_SERVER_ERROR')).retry, 'retry');
    const limited = await rejectsWith(s.client.service.syncUserDetails(), 'ERR_SYNC_RATE_LIMITED');
    assert.deepEqual([limited.retry, limited.details], ['retry', { endpoint: '/v1/syncdata/v2/userdetails', retryAfterSeconds: 7 }]);
    assert.equal((await rejectsWith(s.client.service.syncUserDetails(), 'ERR_SYNC_AUTH_EXPIRED')).retry, 'reauth');
    assert.ok((await s.client.service.syncUserDetails()) > 0, 'the faults were used up and the call succeeds');
  });

  it('needs a new login after the server expires its tokens, and after the token runs out locally', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await admin(s.bed.sim, 'tokens/expire');
    await rejectsWith(s.client.service.syncConfigs(), 'ERR_SYNC_AUTH_EXPIRED');
    await s.client.service.login('officer1', 'Officer#2026');
    assert.ok((await s.client.service.syncConfigs()) > 0);
    const expiresAt = s.client.service.session!.expiresAt;
    s.bed.clock.advance(expiresAt - s.bed.clock.now());
    const before = s.bed.sim.requestCounts['/v1/syncdata/configs/' + s.bed.machineKey.keyIndex] ?? 0;
    await rejectsWith(s.client.service.syncConfigs(), 'ERR_SYNC_AUTH_EXPIRED');
    assert.equal(s.bed.sim.requestCounts['/v1/syncdata/configs/' + s.bed.machineKey.keyIndex] ?? 0, before, 'no request is sent with an expired token');
  });

  it('renews an expired session with the refresh token until the refresh token is revoked too', async () => {
    await s.client.service.login('supervisor1', 'Supervisor#2026');
    await admin(s.bed.sim, 'tokens/expire');
    await rejectsWith(s.client.service.syncIdSchema(), 'ERR_SYNC_AUTH_EXPIRED');
    const renewed = await s.client.service.refresh();
    assert.deepEqual([renewed.userId, renewed.roles], ['supervisor1', ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER']]);
    assert.equal(await s.client.service.syncIdSchema(), 1);
    await admin(s.bed.sim, 'tokens/expire', { refresh: true });
    const err = await rejectsWith(s.client.service.refresh(), 'ERR_SYNC_AUTH_EXPIRED');
    assert.equal(err.retry, 'reauth');
  });

  it('times out a hanging or throttled server, and reports a reset connection as unreachable', async () => {
    const quick = makeClient(s.bed, { timeoutMs: 300 });
    try {
      await quick.service.login('officer1', 'Officer#2026');
      await admin(s.bed.sim, 'faults', {
        faults: [
          { endpoint: '/v1/syncdata/latestidschema', kind: 'hang', times: 1 },
          { endpoint: '/v1/syncdata/latestidschema', kind: 'throttle', bytesPerSecond: 200, times: 1 },
          { endpoint: '/v1/syncdata/latestidschema', kind: 'reset', times: 1 },
        ],
      });
      assert.deepEqual((await rejectsWith(quick.service.syncIdSchema(), 'ERR_SYNC_TIMEOUT')).details, { endpoint: '/v1/syncdata/latestidschema', timeoutMs: 300 });
      await rejectsWith(quick.service.syncIdSchema(), 'ERR_SYNC_TIMEOUT');
      assert.equal((await rejectsWith(quick.service.syncIdSchema(), 'ERR_SYNC_UNREACHABLE')).retry, 'retry');
      assert.equal(await quick.service.syncIdSchema(), 1);
    } finally {
      quick.close();
    }
  });

  it('reports a killed server as unreachable and recovers after revive', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await s.bed.sim.kill();
    const summary = await s.client.service.downSync();
    assert.ok(summary.jobs.every((j) => j.error?.code === 'ERR_SYNC_UNREACHABLE'));
    assert.equal(getSyncControl(s.client.db, 'masterData')?.lastErrorCode, 'ERR_SYNC_UNREACHABLE');
    await s.bed.sim.revive();
    const again = await s.client.service.downSync();
    assert.ok(again.jobs.every((j) => j.ok));
    assert.equal(getSyncControl(s.client.db, 'masterData')?.lastErrorCode, undefined);
  });

  it('rethrows a caller abort as cancellation, not as a sync error', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await admin(s.bed.sim, 'faults', { endpoint: '/v1/syncdata/configs', kind: 'hang', times: 1 });
    const controller = new AbortController();
    const pending = s.client.service.syncConfigs(controller.signal);
    controller.abort();
    await assert.rejects(pending, (err: Error) => err.name === 'AbortError');
  });
});
