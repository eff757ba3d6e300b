import type { Writable } from 'node:stream';
import { AppError, isAppError } from '../../schemas/errors';
import { serverUrlProblem } from '../../schemas/serverUrl';
import { resolveDataDir, SERVER_URL_ENV } from '../host/defaultDataDir';
import { toLogFormat } from '../services/log/createLogger';
import type { CliCommand, CliContext } from './CliCommand';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
}

const GLOBAL_HELP = `Global options (any position):
  --data-dir DIR   data directory (env REGCLIENT_DATA_DIR)
  --server URL     MOSIP server base URL (env REGCLIENT_SERVER_URL)
  --help           help for a command`;

/** Pulls the global options out of argv wherever they stand; the rest stays in order. */
export function extractGlobals(argv: readonly string[]): { dataDir?: string; server?: string; help: boolean; rest: string[] } {
  const rest: string[] = [];
  const out: { dataDir?: string; server?: string; help: boolean; rest: string[] } = { help: false, rest };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--data-dir' || name === '--server') {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      if (name === '--data-dir') out.dataDir = value;
      else out.server = value;
    } else if (arg === '--help' || arg === '-h') {
      out.help = true;
    } else {
      rest.push(arg);
    }
  }
  return out;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function findCommand(commands: readonly CliCommand[], words: readonly string[]): CliCommand | undefined {
  return [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => words[i] === w));
}

export function renderHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.words.join(' ').length));
  const lines = commands.map((c) => `  ${c.words.join(' ').padEnd(width)}  ${c.summary}`);
  return `Usage: regclient <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n${GLOBAL_HELP}\n`;
}

/** Runs one CLI invocation and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  let globals: ReturnType<typeof extractGlobals>;
  try {
    globals = extractGlobals(argv);
  } catch (err) {
    io.stderr.write(`regclient: ${(err as Error).message}\n\n${GLOBAL_HELP}\n`);
    return 2;
  }
  const command = findCommand(commands, globals.rest);
  if (!command) {
    if (globals.rest.length > 0) io.stderr.write(`regclient: unknown command '${globals.rest.join(' ')}'\n\n`);
    (globals.rest.length > 0 ? io.stderr : io.stdout).write(renderHelp(commands));
    return globals.rest.length > 0 ? 2 : 0;
  }
  if (globals.help) {
    io.stdout.write(`Usage: regclient ${command.words.join(' ')} [options]\n\n${command.summary}\n\n${command.usage}\n\n${GLOBAL_HELP}\n`);
    return 0;
  }
  const ctx: CliContext = {
    dataDir: resolveDataDir(globals.dataDir, io.env),
    serverUrl: globals.server ?? io.env[SERVER_URL_ENV],
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    isTTY: io.stdout.isTTY === true,
  };
  try {
    const problem = ctx.serverUrl === undefined ? undefined : serverUrlProblem(ctx.serverUrl);
    if (problem) throw new AppError('ERR_SYNC_SERVER_URL_INSECURE', { field: globals.server === undefined ? SERVER_URL_ENV : '--server', url: ctx.serverUrl!, rule: problem });
    return await command.run(globals.rest.slice(command.words.length), ctx);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.stderr.write(`regclient ${command.words.join(' ')}: ${(err as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    if (isAppError(err)) {
      io.stderr.write(`error ${err.code}: ${err.message}\n${JSON.stringify(err.details)}\n`);
      return 1;
    }
    io.stderr.write(`regclient: internal error\n${toLogFormat(err)}\n`);
    return 1;
  }
}
