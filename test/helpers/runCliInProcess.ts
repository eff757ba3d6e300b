import { PassThrough } from 'node:stream';
import { COMMANDS } from '../../electron/cli/commands';
import { runCli, type CliIo } from '../../electron/cli/runCli';

/** One `regclient` run: exit code and what it printed. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `regclient argv` in process with exactly `env` (no global options added), capturing stdout and stderr; `stdin` for prompts. */
export async function runCliWithEnv(argv: readonly string[], env: NodeJS.ProcessEnv, stdin?: CliIo['stdin']): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, COMMANDS, { env, stdout, stderr, ...(stdin ? { stdin } : {}) });
  return { code, out, err };
}
