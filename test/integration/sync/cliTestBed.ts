import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../native/time/Clock';
import { openDataDir } from '../../../electron/host/openDataDir';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { runCliWithEnv, type CliRun } from '../../helpers/runCliInProcess';
import { admin } from './syncTestBed';

export { runCliWithEnv, type CliRun };

/** Runs one `regclient` invocation in process, as an operator types it, and captures its output. */
export async function runCliCaptured(dataDir: string, server: string, argv: readonly string[], password: string): Promise<CliRun> {
  return runCliWithEnv(['--data-dir', dataDir, '--server', server, ...argv], { REGCLIENT_PASSWORD: password });
}


/**
 * A temp folder with a MOSIP simulator on the real clock (the CLI runs on it) and a client data dir
 * whose machine key the simulator has registered as centre 10001, machine 10002.
 */
export async function startCliBed(prefix: string): Promise<{ dir: string; sim: MosipSimulator; dataDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sim = await new MosipSimulator({ stateDir: join(dir, 'sim'), clock: systemClock }).start();
  const dataDir = join(dir, 'client');
  const data = openDataDir({ dataDir, env: {} });
  const publicKey = data.identity.publicKey;
  data.close();
  await admin(sim, 'machines', { centreId: '10001', machineId: '10002', publicKey });
  return { dir, sim, dataDir };
}
