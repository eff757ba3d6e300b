import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { systemClock } from '../../../native/time/Clock';
import { COMMANDS } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/runCli';
import { openDataDir } from '../../../electron/host/openDataDir';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin } from './syncTestBed';

/** One `regclient` run: exit code and what it printed. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs one `regclient` invocation in process, as an operator types it, and captures its output. */
export async function runCliCaptured(dataDir: string, server: string, argv: readonly string[], password: string): Promise<CliRun> {
  return runCliWithEnv(['--data-dir', dataDir, '--server', server, ...argv], { REGCLIENT_PASSWORD: password });
}

/** Runs `regclient argv` in process with exactly `env` (no global options added): for data-dir and server defaults. */
export async function runCliWithEnv(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, COMMANDS, { env, stdout, stderr });
  return { code, out, err };
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
