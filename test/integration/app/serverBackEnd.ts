import assert from 'node:assert/strict';
import type { Reply } from '../../../schemas/api/transport';
import { join } from 'node:path';
import { ManualClock } from '../../../native/time/ManualClock';
import { makeTestPki } from '../../helpers/packetKeys';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';
import { makeTempDir } from '../../helpers/tempDir';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { startSimulator } from '../sbi/sbiTestKit';
import { admin } from '../sync/syncTestBed';

/** A back end with its device and server simulators, set up as the demo machine is (not a test file itself). */
export interface ServerBackEnd {
  readonly devices: SbiSimulator;
  readonly server: MosipSimulator;
  readonly backEnd: RealBackEnd;
  close(): Promise<void>;
}

/**
 * The real back end over the SBI and MOSIP simulators on one ManualClock, the machine registered as
 * the demo registers it (test/e2e/helpers/inProcessApp.ts: known by key and by the name
 * `stp-laptop-10002`), verified, and its first down-sync done.
 */
export async function openServerBackEnd(tempPrefix: string): Promise<ServerBackEnd> {
  const clock = new ManualClock();
  const devices = await startSimulator({ now: () => clock.now() });
  const simDir = makeTempDir(tempPrefix);
  const server = await new MosipSimulator({ stateDir: join(simDir.path, 'sim'), clock, idSchemaPath: new URL('../../../schemas/data/stp/idSchema.json', import.meta.url) }).start();
  const backEnd = await openRealBackEnd(devices, makeTestPki(clock.now()), { serverUrl: server.url }, clock);
  const { identity, machineKey } = backEnd.services.data;
  await admin(server, 'machines', { centreId: identity.centreId, machineId: identity.machineId, publicKey: machineKey.spkiDer.toString('base64') });
  backEnd.services.settings.update({ ...backEnd.services.settings.get(), machineName: 'stp-laptop-10002' }, 'test');
  await backEnd.services.sync.mosip!.login('supervisor1', 'Supervisor#2026');
  await backEnd.services.sync.mosip!.verifyMachine();
  await backEnd.services.sync.scheduler.runNow('downSync');
  assert.equal(backEnd.services.sync.scheduler.status().find((j) => j.job === 'downSync')?.lastOk, true, 'first down-sync');
  return {
    devices, server, backEnd,
    async close() {
      await backEnd.close();
      await server.close();
      await devices.close();
      simDir.remove();
    },
  };
}

/** Router calls as two windows of the app: the officer's and the supervisor's (each logs in on its own connection). */
export function operatorWindows(backEnd: () => RealBackEnd): { officer(method: string, input: unknown): Promise<Reply>; supervisor(method: string, input: unknown): Promise<Reply> } {
  const call = (connectionId: string, method: string, input: unknown) => backEnd().services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  return {
    officer: (method, input) => call('officer-window', method, input),
    supervisor: (method, input) => call('supervisor-window', method, input),
  };
}
