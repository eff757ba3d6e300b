import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockShifterEnv } from '../../helpers/clockShifterEnv';
import type { CliRun } from '../sync/cliTestBed';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'electron', 'cli', 'regclient.ts');

/**
 * Runs `regclient argv` as its own process, with a clean environment plus `env` (and the clock
 * shifter, so it shares the suite's faketime): what an operator's shell does. stdin is closed, so
 * a prompt cannot hang the test; secrets come from the environment.
 */
export async function runCliProcess(argv: readonly string[], env: Readonly<Record<string, string>>, options: Readonly<{ uid?: number; gid?: number }> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...argv], {
    cwd: ROOT,
    env: { ...clockShifterEnv(), PATH: process.env['PATH'] ?? '', HOME: options.uid === undefined ? (process.env['HOME'] ?? '/tmp') : tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolvePromise(c ?? -1));
  });
  return { code, out, err };
}
