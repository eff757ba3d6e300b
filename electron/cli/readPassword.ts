import { createInterface } from 'node:readline';
import { UsageError } from './runCli';
import type { CliContext } from './CliCommand';

export const PASSWORD_ENV = 'REGCLIENT_PASSWORD';

/** The password from REGCLIENT_PASSWORD, or a prompt with echo off on a terminal. */
export async function readPassword(ctx: CliContext, prompt: string): Promise<string> {
  const fromEnv = ctx.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`no terminal to ask for the password: set ${PASSWORD_ENV}`);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  ctx.stderr.write(prompt);
  output._writeToOutput = () => undefined; // echo off while typing
  try {
    return await new Promise<string>((resolvePromise) => rl.question('', resolvePromise));
  } finally {
    rl.close();
    ctx.stderr.write('\n');
  }
}
