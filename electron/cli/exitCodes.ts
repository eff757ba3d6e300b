import { isAppError } from '../../schemas/errors';

/**
 * The one table of `regclient` exit codes (README "Command line" shows the same table). Every
 * command returns one of these, and every error is mapped here, so a script or a support engineer
 * can tell "fix the command line" from "set the machine up" from "a person has work to do".
 */
export const EXIT = {
  /** done; nothing left to do */
  OK: 0,
  /** the command could not do its work or could not finish (server or network: run it again later), or a check failed */
  FAILED: 1,
  /** the command line is wrong: unknown command or option, bad value, wrong kind of file */
  USAGE: 2,
  /** the machine is not set up where the CLI looked: no data folder, never synced, no server address */
  NOT_SET_UP: 3,
  /** the command ran to the end but a person must act: packets waiting for approval, on hold or parked; no usable device */
  INCOMPLETE: 4,
  /** a bug: an error without a catalogue code (report it with the log) */
  INTERNAL: 70,
  /** Ctrl-C at a prompt (128 + SIGINT, as shells report it): nothing was written */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Catalogue codes that mean the command line itself is wrong. */
const USAGE_CODES: ReadonlySet<string> = new Set([
  'ERR_CLI_BAD_ARGUMENT',
  'ERR_CLI_BAD_SERVER_URL',
  'ERR_CLI_FILE_MISSING',
  'ERR_CLI_FILE_NOT_PEM',
  'ERR_CLI_WRONG_FILE_KIND',
  'ERR_DB_KEY_STORE_INVALID',
  'ERR_CRVS_LISTEN_INVALID',
]);

/** Catalogue codes that mean this machine is not set up yet (the message says which step is missing). */
const NOT_SET_UP_CODES: ReadonlySet<string> = new Set(['ERR_CLI_DATA_DIR_MISSING', 'ERR_PACKET_REG_CERT_MISSING', 'ERR_SYNC_NOT_CONFIGURED', 'ERR_CRVS_NOT_CONFIGURED']);

/** The exit code for an error that ended a command. */
export function exitCodeForError(err: unknown): ExitCode {
  if (!isAppError(err)) return EXIT.INTERNAL;
  if (USAGE_CODES.has(err.code)) return EXIT.USAGE;
  if (NOT_SET_UP_CODES.has(err.code)) return EXIT.NOT_SET_UP;
  return EXIT.FAILED;
}

/** The one-line meaning of each exit code, for `regclient --help`. */
export const EXIT_HELP = `Exit codes:
  ${EXIT.OK}   done, nothing left to do
  ${EXIT.FAILED}   failed or could not finish (server, network: run again later); an error code or FAIL line says what to do
  ${EXIT.USAGE}   the command line is wrong (unknown command or option, bad value, wrong file)
  ${EXIT.NOT_SET_UP}   not set up: no data folder where it looked, never synced, or no server address
  ${EXIT.INCOMPLETE}   ran to the end, but a person must act (packets waiting for approval, on hold or parked; no usable device)
  ${EXIT.INTERNAL}  internal error (a bug): report it with the output
  ${EXIT.INTERRUPTED} interrupted (Ctrl-C at a password prompt): nothing was written`;
