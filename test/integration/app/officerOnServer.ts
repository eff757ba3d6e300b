import { join } from 'node:path';
import type { Reply } from '../../../schemas/api/transport';
import type { AppServices, AppServicesOptions } from '../../../electron/host/createAppServices';
import { ManualClock } from '../../../native/time/ManualClock';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { openTestServices } from '../../helpers/openTestDataDir';
import { replyValue } from '../../helpers/replyValue';
import { makeTempDir } from '../../helpers/tempDir';
import { admin } from '../sync/syncTestBed';

/** The app and its MOSIP server simulator as the pre-registration files set them up (not a test file itself). */
export interface OfficerOnServer {
  readonly sim: MosipSimulator;
  readonly services: AppServices;
  readonly dataDir: string;
  /** Dispatches through the Router as window-1, where officer1 is logged in. */
  call(method: string, input: unknown): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * A MOSIP server simulator on its own clock and real services on `clock` pointed at it (plus the
 * `app` options given); `prepare` runs on the new data dir first (e.g. a device CA in the trust
 * folder). Then the machine is registered with the server by its key, and officer1 logs in both
 * through the Router (window-1) and with the server. Nothing is synced: that is the test's choice.
 */
export async function openOfficerOnServer(options: Readonly<{ clock?: ManualClock; app?: Partial<AppServicesOptions>; prepare?: (dataDir: string) => void }> = {}): Promise<OfficerOnServer> {
  const simDir = makeTempDir();
  const sim = await new MosipSimulator({ stateDir: join(simDir.path, 'sim'), clock: new ManualClock(), idSchemaPath: new URL('../../../schemas/data/stp/idSchema.json', import.meta.url) }).start();
  const opened = await openTestServices({ clock: options.clock, app: { serverUrl: sim.url, ...options.app } });
  const { services, dataDir } = opened;
  options.prepare?.(dataDir);
  const ctx = { connectionId: 'window-1', sink: () => undefined };
  const call = (method: string, input: unknown) => services.router.dispatch(ctx, method, input);
  const { identity, machineKey } = services.data;
  await admin(sim, 'machines', { centreId: identity.centreId, machineId: identity.machineId, publicKey: machineKey.spkiDer.toString('base64') });
  replyValue(await call('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
  await services.sync.mosip!.login('officer1', 'Officer#2026');
  return {
    sim, services, dataDir, call,
    async close() {
      await opened.close();
      await sim.close();
      simDir.remove();
    },
  };
}
