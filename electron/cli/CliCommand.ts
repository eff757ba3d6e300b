import type { Writable } from 'node:stream';
import type { PromptInput } from './readPassword';

/** What every CLI command receives: the global options, resolved once, and its streams. */
export interface CliContext {
  /** `--data-dir` / REGCLIENT_DATA_DIR, resolved to an absolute path */
  readonly dataDir: string;
  /** where `dataDir` came from (`--data-dir`, REGCLIENT_DATA_DIR, XDG_DATA_HOME, the default), named in refusals */
  readonly dataDirSource?: string;
  /** `--server` / REGCLIENT_SERVER_URL, when given */
  readonly serverUrl: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly isTTY: boolean;
  /** stderr is a terminal: only then is progress drawn there (`2>log` must not fill with `\r` lines) */
  readonly stderrIsTTY?: boolean;
  /** where password prompts read from (process.stdin unless a test gives a fake terminal) */
  readonly stdin?: PromptInput;
}

/**
 * One CLI command, e.g. `audit verify` or `devices list`. `run` gets the arguments after the
 * command words and returns an exit code from `EXIT` (exitCodes.ts); it throws AppError for expected
 * failures, which the CLI prints with its code and exits with the code `exitCodeForError` gives.
 */
export interface CliCommand {
  /** command words, e.g. ['audit', 'verify'] */
  readonly words: readonly string[];
  readonly summary: string;
  /** option lines shown by `regclient <words> --help` */
  readonly usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
