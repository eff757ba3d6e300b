import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countMasterData } from '../../../electron/services/db/repos/masterData';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { openTestServices } from '../../helpers/openTestDataDir';
import { admin, makeClient, makeMachineKey, SIM_MACHINE_NAME } from './syncTestBed';
import { useSimBed } from './useSimBed';

const MINUTE = 60_000;
/** the simulator's default access-token lifetime (MosipSimulatorOptions.tokenLifetimeMs) */
const TOKEN_LIFETIME = 30 * MINUTE;

/**
 * The server session as MOSIP 1.2 runs it: lifetimes in seconds from now, login replies and
 * business errors unsigned, tpm/publickey/verify behind a token and keyed by machine name.
 * The simulator follows MOSIP's source (test/sims/mosip/README.md, conformance table).
 */
describe('server session against the simulator', () => {
  const s = useSimBed({ client: 'each' });

  it('keeps a session alive across a ten-hour day by refreshing, with lifetimes counted from each answer', async () => {
    const loggedInAt = s.bed.clock.now();
    const session = await s.client.service.login('officer1', 'Officer#2026');
    assert.equal(session.expiresAt, loggedInAt + TOKEN_LIFETIME, 'expiryTime is seconds from now');
    assert.equal(session.refreshExpiresAt, loggedInAt + 4 * TOKEN_LIFETIME, 'refreshExpiryTime is seconds from now');
    for (let step = 1; step <= 24; step++) {
      s.bed.clock.advance(25 * MINUTE);
      assert.ok(s.client.service.session, `still live ${step * 25} minutes into the day`);
      const renewed = await s.client.service.refresh();
      // MOSIP's refresh answer repeats the access lifetime as refreshExpiryTime (AuthServiceImpl.refreshToken).
      assert.deepEqual([renewed.expiresAt, renewed.refreshExpiresAt], [s.bed.clock.now() + TOKEN_LIFETIME, s.bed.clock.now() + TOKEN_LIFETIME]);
      assert.ok((await s.client.service.syncConfigs()) >= 0, 'the renewed token is accepted by the server');
    }
    assert.equal(s.bed.clock.now() - loggedInAt, 10 * 60 * MINUTE);
    s.bed.clock.advance(TOKEN_LIFETIME);
    assert.equal(s.client.service.session, undefined, 'expired by the local clock exactly at its lifetime');
    await rejectsWithCode(s.client.service.refresh(), 'ERR_SYNC_AUTH_EXPIRED', { endpoint: 'session', errorCode: 'NO_REFRESH_TOKEN' });
    assert.ok(await s.client.service.login('officer1', 'Officer#2026'), 'a new login starts a new day');
  });

  it('logs in again and refreshes after KERNEL/SIGN is pinned, and the signed machine check verifies', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    assert.equal(await s.client.service.syncSignCertificate(), 1, 'pinned');
    s.client.service.logout();
    const again = await s.client.service.login('officer1', 'Officer#2026');
    assert.equal(again.userId, 'officer1');
    assert.ok((await s.client.service.refresh()).expiresAt > s.bed.clock.now());
    assert.equal(await s.client.service.verifyMachine(), s.bed.machineKey.keyIndex);
  });

  it('reports a wrong password after pinning as a wrong password, not as a signature failure', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await s.client.service.syncSignCertificate();
    s.client.service.logout();
    await rejectsWithCode(s.client.service.login('officer1', 'not-the-password'), 'ERR_SYNC_LOGIN_FAILED', { userId: 'officer1', errorCode: 'KER-SYN-AUTH-001' });
    assert.equal(s.client.service.session, undefined);
  });

  it('reads an unsigned business error from a signed endpoint after pinning as the refusal it is', async () => {
    const misnamed = makeClient(s.bed, { machineName: 'machine-10002' });
    try {
      await misnamed.service.login('officer1', 'Officer#2026');
      await misnamed.service.syncSignCertificate();
      await rejectsWithCode(misnamed.service.verifyMachine(), 'ERR_SYNC_MACHINE_NOT_REGISTERED', { keyIndex: s.bed.machineKey.keyIndex, errorCode: 'KER-SNC-155' });
    } finally {
      misnamed.close();
    }
  });

  it('still refuses a signed response that was tampered with once KERNEL/SIGN is pinned', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    await s.client.service.syncSignCertificate();
    await admin(s.bed.sim, 'faults', { faults: [
      { endpoint: '/v1/syncdata/v2/clientsettings', kind: 'badSignature', times: 1 },
      { endpoint: '/v1/syncdata/tpm/publickey/verify', kind: 'badSignature', times: 1 },
    ] });
    await rejectsWithCode(s.client.service.syncMasterData(), 'ERR_SYNC_SIGNATURE_INVALID', { endpoint: '/v1/syncdata/v2/clientsettings', reason: 'the signature does not match the response body' });
    assert.deepEqual(countMasterData(s.client.db), {}, 'nothing from the refused answer was written');
    await rejectsWithCode(s.client.service.verifyMachine(), 'ERR_SYNC_SIGNATURE_INVALID', { endpoint: '/v1/syncdata/tpm/publickey/verify', reason: 'the signature does not match the response body' });
    // each fault hit once: the same calls, untampered, go through (the refusals were the signatures')
    assert.ok((await s.client.service.syncMasterData()) > 0);
    assert.equal(await s.client.service.verifyMachine(), s.bed.machineKey.keyIndex);
  });

  it('checks the machine only with a session, by the name the server registered (case-insensitive)', async () => {
    const path = '/v1/syncdata/tpm/publickey/verify';
    const before = s.bed.sim.requestCounts[path] ?? 0;
    await rejectsWithCode(s.client.service.verifyMachine(), 'ERR_SYNC_AUTH_EXPIRED', { endpoint: 'session', errorCode: 'NO_SESSION' });
    assert.equal(s.bed.sim.requestCounts[path] ?? 0, before, 'not sent without a token');
    const shouting = makeClient(s.bed, { machineName: SIM_MACHINE_NAME.toUpperCase() });
    const stranger = makeClient(s.bed, { machineName: 'machine-10002' });
    const unnamed = makeClient(s.bed, { machineName: '  ' });
    try {
      for (const c of [shouting, stranger, unnamed]) await c.service.login('officer1', 'Officer#2026');
      assert.equal(await shouting.service.verifyMachine(), s.bed.machineKey.keyIndex);
      await rejectsWithCode(stranger.service.verifyMachine(), 'ERR_SYNC_MACHINE_NOT_REGISTERED', { keyIndex: s.bed.machineKey.keyIndex, errorCode: 'KER-SNC-155' });
      await rejectsWithCode(unnamed.service.verifyMachine(), 'ERR_SYNC_NOT_CONFIGURED', { what: 'machine name (the name the administrator registered this machine under)' });
    } finally {
      for (const c of [shouting, stranger, unnamed]) c.close();
    }
  });

  it('refuses the machine check when the name is registered with another key', async () => {
    const other = makeMachineKey();
    await admin(s.bed.sim, 'machines', { centreId: '10001', machineId: '10003', name: 'stp-laptop-10003', publicKey: other.spkiDer.toString('base64') });
    const borrower = makeClient(s.bed, { machineName: 'stp-laptop-10003' });
    try {
      await borrower.service.login('officer1', 'Officer#2026');
      await rejectsWithCode(borrower.service.verifyMachine(), 'ERR_SYNC_MACHINE_NOT_REGISTERED', { keyIndex: s.bed.machineKey.keyIndex, errorCode: 'KER-SNC-164' });
    } finally {
      borrower.close();
    }
  });

  it('through the app services: the machine check uses the name set in the settings, else the host name', async () => {
    // The app's own data dir and key, registered as another machine of the centre under its own name.
    const app = await openTestServices({ app: { serverUrl: s.bed.sim.url } });
    try {
      const { services } = app;
      app.clock.advance(s.bed.clock.now() - app.clock.now()); // the same hour as the server (earlier tests moved it on)
      await admin(s.bed.sim, 'machines', { centreId: '10001', machineId: '10005', name: 'stp-laptop-10005', publicKey: services.data.machineKey.spkiDer.toString('base64') });
      const mosip = services.sync.mosip!;
      await mosip.login('officer1', 'Officer#2026');
      await rejectsWithCode(mosip.verifyMachine(), 'ERR_SYNC_MACHINE_NOT_REGISTERED', { keyIndex: services.data.machineKey.keyIndex, errorCode: 'KER-SNC-155' });
      services.settings.update({ ...services.settings.get(), machineName: 'STP-Laptop-10005' }, 'supervisor1');
      assert.equal(await mosip.verifyMachine(), services.data.machineKey.keyIndex);
      await mosip.syncSignCertificate();
      mosip.logout();
      await rejectsWithCode(mosip.login('officer1', 'wrong'), 'ERR_SYNC_LOGIN_FAILED');
      assert.equal((await mosip.login('officer1', 'Officer#2026')).userId, 'officer1', 're-login after pinning');
      assert.ok((await mosip.refresh()).expiresAt > s.bed.clock.now());
    } finally {
      await app.close();
    }
  });
});
