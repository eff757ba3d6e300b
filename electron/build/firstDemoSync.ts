import { isAppError } from '../../schemas/errors';
import { DEMO_OPERATORS } from '../services/demo/seedDemo';
import type { AppServices } from '../host/createAppServices';

/**
 * The demo's first sync, as a supervisor does it on a new machine: check the machine key with the
 * server, log in, download everything (REGISTRATION certificate, ID schema, operators, master data).
 * A failure is reported and the app still starts: everything offline works without it.
 */
export async function firstDemoSync(services: AppServices): Promise<void> {
  const mosip = services.sync.mosip;
  if (!mosip) return;
  try {
    // The demo simulator's seeded machine master names machine 10002 so (test/sims/mosip/seedData.ts).
    const settings = services.settings.get();
    if (settings.machineName === null) services.settings.update({ ...settings, machineName: 'stp-laptop-10002' }, 'demo');
    const supervisor = DEMO_OPERATORS.find((o) => o.roles.includes('REGISTRATION_SUPERVISOR'))!;
    // Log in first: tpm/publickey/verify needs the session (SyncDataController @PreAuthorize).
    await mosip.login(supervisor.userId, supervisor.password);
    await mosip.verifyMachine();
    // Through the scheduler, so the dashboard's "last sync" shows it like any later sync.
    await services.sync.scheduler.runNow('downSync');
    const job = services.sync.scheduler.status().find((j) => j.job === 'downSync');
    if (job?.lastOk !== true) throw new Error(`down-sync ended with ${job?.lastErrorCode ?? 'an unknown error'}`);
  } catch (err) {
    process.stderr.write(`demo: first sync with the server simulator failed (${isAppError(err) ? err.code : String(err)}); packets cannot be built until a sync succeeds\n`);
  }
}
