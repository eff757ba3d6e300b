import type { Writable } from 'node:stream';
import { AppError, isAppError } from '../../schemas/errors';
import { locateDataDir, SERVER_URL_ENV } from '../host/defaultDataDir';
import { toLogFormat } from '../services/log/createLogger';
import type { CliCommand, CliContext } from './CliCommand';
import { cliVersion } from './cliVersion';
import { EXIT, EXIT_HELP, exitCodeForError } from './exitCodes';
import { suggestCommands } from './suggestCommand';
import { PromptInterrupted, type PromptInput } from './readPassword';
import { startServerUrl } from '../host/serverAddress';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin?: PromptInput;
}

const GLOBAL_HELP = `Global options (any position):
  --data-dir DIR   data directory (env REGCLIENT_DATA_DIR)
  --server URL     MOSIP server base URL (env REGCLIENT_SERVER_URL)
  --help           help for a command
  --version, -v    print the version
  --json           (commands that have it) also on failure: {"error": {code, message, details}} on stdout

Keys of a NEW data folder (an existing one keeps what it was set up with; doctor says which):
  REGCLIENT_DB_SECRET=…        wrap them with this secret (16+ characters), never stored
  REGCLIENT_KEY_STORE=keyring  in this user's OS keyring (the default in a desktop session where one answers)
  REGCLIENT_KEY_STORE=keyfile  in a plain key file beside them (warned: a copy of the folder decrypts it)

${EXIT_HELP}`;

/** Pulls the global options out of argv wherever they stand; the rest stays in order. */
export function extractGlobals(argv: readonly string[]): { dataDir?: string; server?: string; help: boolean; version: boolean; rest: string[] } {
  const rest: string[] = [];
  const out: { dataDir?: string; server?: string; help: boolean; version: boolean; rest: string[] } = { help: false, version: false, rest };
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
    } else if (arg === '--version' || arg === '-v') {
      out.version = true;
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

/** Only http(s) URLs with a host: anything else fails later with a stack trace from fetch. */
export function checkServerUrl(value: string, argument: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('ERR_CLI_BAD_SERVER_URL', { value, rule: `${argument} must be an absolute URL such as https://host` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('ERR_CLI_BAD_SERVER_URL', { value, rule: `${argument} must use http or https, not ${url.protocol}` });
  return value;
}

/** node:util parseArgs failures are the operator's typing, not bugs: give them a catalogue code. */
function asArgumentError(err: unknown): AppError | undefined {
  const code = (err as { code?: string }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const rule = (err as Error).message.replace(/\. To specify .*$/s, '').replace(/^Unexpected argument '[^']*'\. This command does not take positional arguments/, 'this command takes no positional arguments');
  const argument = /'([^']*)'/.exec((err as Error).message)?.[1] ?? code;
  return new AppError('ERR_CLI_BAD_ARGUMENT', { argument, rule }, { cause: err });
}

/**
 * stderr for people: the code and the app's own sentence for it, in the terminal's language, with
 * the details in words and what to do (the raw details too with REGCLIENT_DEBUG=1); with --json
 * also `{"error": …}` on stdout, so a script reading stdout sees the failure.
 */
async function printError(io: CliIo, err: AppError, json: boolean): Promise<void> {
  const { errorLines } = await import('./errorText'); // only a failing command pays for i18next
  io.stderr.write(errorLines(err, io.env));
  if (json) io.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }, null, 2)}\n`);
}

/** A UsageError as the catalogue's ERR_CLI_BAD_ARGUMENT, for --json readers. */
function usageAsAppError(command: CliCommand, err: UsageError): AppError {
  const option = /^(--[a-z-]+)/.exec(err.message)?.[1];
  return new AppError('ERR_CLI_BAD_ARGUMENT', { argument: option ?? command.words.join(' '), rule: err.message });
}

function unknownCommand(commands: readonly CliCommand[], rest: readonly string[], io: CliIo, json: boolean): number {
  // the command words typed: up to the first option (at least one word, e.g. for `regclient --bogus`)
  const firstOption = rest.findIndex((a) => a.startsWith('-'));
  const words = rest.slice(0, firstOption <= 0 ? Math.max(1, firstOption === -1 ? rest.length : 1) : firstOption);
  const suggestions = suggestCommands(commands, words);
  const hint = suggestions.length === 1 ? `did you mean 'regclient ${suggestions[0]}'?` : suggestions.length > 1 ? `did you mean one of: ${suggestions.join(', ')}?` : '';
  io.stderr.write(`regclient: unknown command '${words.join(' ')}'${hint ? `; ${hint}` : ''}\n\n`);
  io.stderr.write(renderHelp(commands));
  const rule = hint ? `unknown command; ${hint}` : 'unknown command; see regclient --help';
  if (json) io.stdout.write(`${JSON.stringify({ error: { code: 'ERR_CLI_BAD_ARGUMENT', message: 'unknown command', details: { argument: words.join(' '), rule } } }, null, 2)}\n`);
  return EXIT.USAGE;
}

/** The commands, or a loader giving those a command line can mean (lazyCommands.ts: the bin loads one area). */
export type CommandSource = readonly CliCommand[] | ((words: readonly string[]) => Promise<readonly CliCommand[]>);

/** Runs one CLI invocation and returns the exit code from the one table in exitCodes.ts. */
export async function runCli(argv: readonly string[], source: CommandSource, io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  let globals: ReturnType<typeof extractGlobals>;
  try {
    globals = extractGlobals(argv);
  } catch (err) {
    io.stderr.write(`regclient: ${(err as Error).message}\n\n${GLOBAL_HELP}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: { code: 'ERR_CLI_BAD_ARGUMENT', message: (err as Error).message, details: { argument: (err as Error).message.split(' ')[0], rule: (err as Error).message } } }, null, 2)}\n`);
    return EXIT.USAGE;
  }
  if (globals.version) {
    io.stdout.write(json ? `${JSON.stringify({ version: cliVersion() })}\n` : `regclient ${cliVersion()}\n`);
    return EXIT.OK;
  }
  let commands = typeof source === 'function' ? await source(globals.rest) : source;
  const command = findCommand(commands, globals.rest);
  if (!command && typeof source === 'function') commands = await source([]);
  if (!command) {
    if (globals.rest.length > 0) return unknownCommand(commands, globals.rest, io, json);
    io.stdout.write(renderHelp(commands));
    return EXIT.OK;
  }
  if (globals.help) {
    io.stdout.write(`Usage: regclient ${command.words.join(' ')} [options]\n\n${command.summary}\n\n${command.usage}\n\n${GLOBAL_HELP}\n`);
    return EXIT.OK;
  }
  const located = locateDataDir(globals.dataDir, io.env);
  const serverUrl = globals.server ?? (io.env[SERVER_URL_ENV] || undefined);
  try {
    if (serverUrl !== undefined) checkServerUrl(serverUrl, globals.server !== undefined ? '--server' : SERVER_URL_ENV);
  } catch (err) {
    await printError(io, err as AppError, json);
    return exitCodeForError(err);
  }
  const ctx: CliContext = {
    dataDir: located.path,
    dataDirSource: located.source,
    serverUrl,
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    isTTY: io.stdout.isTTY === true,
    stderrIsTTY: io.stderr.isTTY === true,
    ...(io.stdin ? { stdin: io.stdin } : {}),
  };
  try {
    // the https rule of the app's hosts, with the same message (serverAddress.ts)
    startServerUrl(globals.server, io.env);
    return await command.run(globals.rest.slice(command.words.length), ctx);
  } catch (err) {
    if (err instanceof PromptInterrupted) {
      io.stderr.write('regclient: interrupted; nothing was written\n');
      return EXIT.INTERRUPTED;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`regclient ${command.words.join(' ')}: ${err.message}\n\n${command.usage}\n`);
      if (json) io.stdout.write(`${JSON.stringify({ error: usageAsAppError(command, err).toJSON() }, null, 2)}\n`);
      return EXIT.USAGE;
    }
    const error = isAppError(err) ? err : asArgumentError(err);
    if (error) {
      await printError(io, error, json);
      return exitCodeForError(error);
    }
    // A bug: one sentence for the operator; the stack only when asked for (REGCLIENT_DEBUG=1).
    const message = (err as Error).message ?? String(err);
    io.stderr.write(`error ERR_INTERNAL: internal error (a bug) in regclient ${command.words.join(' ')}: ${message}\n`);
    io.stderr.write(io.env.REGCLIENT_DEBUG ? `${toLogFormat(err)}\n` : 'run it again with REGCLIENT_DEBUG=1 and send the output to support\n');
    if (json) io.stdout.write(`${JSON.stringify({ error: { code: 'ERR_INTERNAL', message: `internal error (a bug): ${message}`, details: {} } }, null, 2)}\n`);
    return exitCodeForError(err);
  }
}
