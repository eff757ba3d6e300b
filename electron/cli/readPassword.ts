import type { Readable } from 'node:stream';
import { AppError } from '../../schemas/errors';
import { checkPassword } from '../services/auth/passwordPolicy';
import { UsageError } from './runCli';
import type { CliContext } from './CliCommand';

export const PASSWORD_ENV = 'REGCLIENT_PASSWORD';

/** A terminal to read a password from: process.stdin, or a fake one in tests. */
export type PromptInput = Readable & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Ctrl-C (or SIGINT) at a password prompt: runCli exits 130 and nothing has been written. */
export class PromptInterrupted extends Error {
  override readonly name = 'PromptInterrupted';
}

/**
 * Asks for a password on a terminal with echo off. The prompt is written AFTER the terminal is in
 * raw mode and is never redrawn: readline's line refresh used to erase it as it appeared. Raw mode
 * also turns Ctrl-C into a byte (no signal), so the terminal's echo is always restored here.
 */
export async function promptHidden(input: PromptInput, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  if (!input.isTTY || !input.setRawMode) throw new UsageError(`no terminal to ask for the password: set ${PASSWORD_ENV}`);
  const wasRaw = input.isRaw === true;
  input.setRawMode(true);
  let onData: (chunk: Buffer | string) => void = () => undefined;
  let onSignal: () => void = () => undefined;
  try {
    return await new Promise<string>((resolvePromise, reject) => {
      let typed = '';
      onSignal = () => reject(new PromptInterrupted('interrupted at the password prompt'));
      onData = (chunk) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return resolvePromise(typed);
          // Ctrl-C, or Ctrl-D on an empty line: the operator gives up
          if (ch === '\u0003' || (ch === '\u0004' && typed === '')) return onSignal();
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else if (ch === '\u0015') typed = ''; // Ctrl-U: start the line again
          else if (ch >= ' ') typed += ch;
        }
      };
      input.on('data', onData);
      process.once('SIGINT', onSignal);
      input.resume();
      output.write(prompt);
    });
  } finally {
    input.off('data', onData);
    process.off('SIGINT', onSignal);
    input.setRawMode(wasRaw);
    input.pause();
    output.write('\n');
  }
}

/** The password from REGCLIENT_PASSWORD, or asked for once on the terminal (prompt on stderr). */
export async function readPassword(ctx: CliContext, prompt: string): Promise<string> {
  const fromEnv = ctx.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  return promptHidden(ctx.stdin ?? process.stdin, ctx.stderr, prompt);
}

/**
 * A NEW operator's password: from REGCLIENT_PASSWORD, or typed twice. The policy is checked before
 * the second prompt (no point repeating a refused password) and before anything is created.
 * @throws AppError ERR_AUTH_PASSWORD_WEAK, ERR_CLI_PASSWORDS_DIFFER; PromptInterrupted on Ctrl-C
 */
export async function readNewPassword(ctx: CliContext, userId: string): Promise<string> {
  const fromEnv = ctx.env[PASSWORD_ENV];
  const password = fromEnv || (await promptHidden(ctx.stdin ?? process.stdin, ctx.stderr, `Password for ${userId}: `));
  checkPassword(userId, password, fromEnv ? PASSWORD_ENV : 'password');
  if (fromEnv) return password;
  const again = await promptHidden(ctx.stdin ?? process.stdin, ctx.stderr, `Password for ${userId} again: `);
  if (again !== password) throw new AppError('ERR_CLI_PASSWORDS_DIFFER', { userId });
  return password;
}
