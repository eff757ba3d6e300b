import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { CancelledError } from '../../../schemas/errors';
import { AppSync } from '../../../electron/services/sync/AppSync';
import { makeOutbox } from './outboxBed';
import { admin, makeClient, SIM_MACHINE_NAME, startSimBed, type ClientBed, type SimBed } from './syncTestBed';

const VERIFY = '/v1/syncdata/tpm/publickey/verify';

/** Issue 15: a person who leaves the sync screen stops "Sync now" (AppSync.run with the call's signal). */
describe('AppSync cancel against the simulator', () => {
  let bed: SimBed;
  let client: ClientBed;
  let appSync: AppSync;

  before(async () => {
    bed = await startSimBed();
    // the server's answers wait ten minutes at most: only the cancel ends a hung one sooner
    client = makeClient(bed, { timeoutMs: 600_000 });
    appSync = new AppSync({ mosip: client.service, outbox: makeOutbox(client, bed.sim, bed.clock), downSync: () => client.service.downSync(), machineName: () => SIM_MACHINE_NAME, clock: bed.clock });
    await appSync.logIn('officer1', 'Officer#2026');
  });
  after(async () => {
    client.close();
    await bed.close();
  });

  it('stops at the machine check when cancelled there: no down-sync, no outbox', { timeout: 60_000 }, async () => {
    await admin(bed.sim, 'faults', { endpoint: VERIFY, kind: 'hang' });
    try {
      const arrived = once(bed.sim.events, 'request', { signal: AbortSignal.timeout(50_000) });
      const controller = new AbortController();
      const run = appSync.run(controller.signal);
      let [path] = (await arrived) as [string];
      while (path !== VERIFY) [path] = (await once(bed.sim.events, 'request')) as [string];
      const before = { ...bed.sim.requestCounts };
      controller.abort(new CancelledError());
      await assert.rejects(run, CancelledError);
      assert.deepEqual(bed.sim.requestCounts, before, 'nothing was asked of the server after the cancel');
    } finally {
      await admin(bed.sim, 'faults', {}, 'DELETE');
    }
  });
});
