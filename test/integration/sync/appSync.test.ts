import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { getCertificate } from '../../../electron/services/db/repos/syncCertificates';
import { AppSync, RENEW_MARGIN_MS } from '../../../electron/services/sync/AppSync';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { makeOutbox } from './outboxBed';
import { admin, makeClient, SIM_MACHINE_NAME, startSimBed, type ClientBed, type SimBed } from './syncTestBed';

const MINUTE = 60_000;

/**
 * The app's "Sync now" (AppSync) against the MOSIP simulator: it waits for the background server
 * login and reports its refusal in its own words, checks the machine by name, down-syncs (pinning
 * KERNEL/SIGN the first time) and runs the outbox, which alone reports an unreachable server.
 */
describe('AppSync ("Sync now" in the app) against the simulator', () => {
  let bed: SimBed;
  let client: ClientBed;
  let machineName: string;
  let appSync: AppSync;

  before(async () => {
    bed = await startSimBed();
  });
  after(() => bed.close());
  beforeEach(() => {
    machineName = SIM_MACHINE_NAME;
    client = makeClient(bed, { machineName: () => machineName });
    appSync = new AppSync({ mosip: client.service, outbox: makeOutbox(client, bed.sim, bed.clock), downSync: () => client.service.downSync(), machineName: () => machineName, clock: bed.clock });
  });
  afterEach(() => client.close());

  it('reports a password the server refuses as a refused password, not as a missing session or signature', async () => {
    void appSync.logIn('officer1', 'not-the-password');
    await rejectsWithCode(appSync.run(), 'ERR_SYNC_LOGIN_FAILED', { userId: 'officer1', errorCode: 'KER-SYN-AUTH-001' });
  });

  it('pins KERNEL/SIGN on the first run, then uses a new login after the old tokens died, and reports its refusal', async () => {
    void appSync.logIn('officer1', 'Officer#2026');
    assert.equal((await appSync.run()).stoppedBy, null);
    assert.ok(getCertificate(client.db, 'KERNEL', 'SIGN'), 'KERNEL/SIGN pinned by the first run');
    await admin(bed.sim, 'tokens/expire', { refresh: true });
    void appSync.logIn('supervisor1', 'Supervisor#2026');
    assert.equal((await appSync.run()).stoppedBy, null, 'the unsigned login answer is accepted with KERNEL/SIGN pinned');
    assert.equal(client.service.session?.userId, 'supervisor1');
    void appSync.logIn('officer1', 'not-the-password');
    await rejectsWithCode(appSync.run(), 'ERR_SYNC_LOGIN_FAILED', { userId: 'officer1', errorCode: 'KER-SYN-AUTH-001' });
  });

  it('still runs the outbox when the server is unreachable, which reports it itself', async () => {
    void appSync.logIn('officer1', 'Officer#2026');
    await appSync.run();
    await admin(bed.sim, 'faults', { endpoint: '/', kind: 'reset' });
    try {
      const offline = await appSync.run();
      assert.deepEqual([offline.synced, offline.uploaded, offline.stoppedBy], [[], [], null]);
    } finally {
      await admin(bed.sim, 'faults', {}, 'DELETE');
    }
  });

  it('keeps syncing across a ten-hour day: each run renews a session close to its end', async () => {
    void appSync.logIn('officer1', 'Officer#2026');
    await appSync.run();
    for (let step = 1; step <= 24; step++) {
      // the simulator's tokens live 30 minutes (MosipSimulatorOptions.tokenLifetimeMs): 5 are left
      bed.clock.advance(25 * MINUTE);
      assert.equal((await appSync.run()).stoppedBy, null);
      assert.ok((client.service.session?.expiresAt ?? 0) - bed.clock.now() > RENEW_MARGIN_MS, `renewed ${step * 25} minutes into the day`);
    }
  });

  it('names the machine name the server does not know, and syncs once it is corrected', async () => {
    machineName = 'machine-10002';
    void appSync.logIn('officer1', 'Officer#2026');
    await rejectsWithCode(appSync.run(), 'ERR_SYNC_MACHINE_NAME_UNKNOWN', { machineName: 'machine-10002', errorCode: 'KER-SNC-155' });
    assert.equal(getCertificate(client.db, 'KERNEL', 'SIGN'), undefined, 'nothing downloaded for a machine the server does not know');
    machineName = SIM_MACHINE_NAME;
    assert.equal((await appSync.run()).stoppedBy, null);
  });
});
