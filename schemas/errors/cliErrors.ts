import { z } from 'zod';
import { defineErrors } from './defineErrors';

/**
 * Errors of the `regclient` command line: what the operator typed is wrong, or the machine is not
 * set up where the CLI looked. Each names the option (or folder) and the rule, so a support
 * engineer can act on the one line printed.
 */
export const cliErrors = defineErrors({
  ERR_CLI_DATA_DIR_MISSING: {
    retry: 'fatal',
    log: 'no regclient data folder where the CLI looked; only set-up commands create one',
    details: () => z.object({ path: z.string(), source: z.string() }),
  },
  ERR_CLI_BAD_ARGUMENT: {
    retry: 'fatal',
    log: 'a command-line argument is not accepted',
    details: () => z.object({ argument: z.string(), rule: z.string() }),
  },
  ERR_CLI_BAD_SERVER_URL: {
    retry: 'fatal',
    log: 'the server address is not an http(s) URL',
    details: () => z.object({ value: z.string(), rule: z.string() }),
  },
  ERR_CLI_FILE_MISSING: {
    retry: 'fatal',
    log: 'a file named on the command line does not exist',
    details: () => z.object({ option: z.string(), path: z.string() }),
  },
  ERR_CLI_FILE_NOT_PEM: {
    retry: 'fatal',
    log: 'a file named on the command line is not the PEM it should be',
    details: () => z.object({ option: z.string(), path: z.string(), expected: z.string() }),
  },
  ERR_CLI_WRONG_FILE_KIND: {
    retry: 'fatal',
    log: 'a path on the command line is a folder where a file is needed, or a file where a folder is needed',
    details: () => z.object({ option: z.string(), path: z.string(), expected: z.enum(['file', 'folder']) }),
  },
  ERR_CLI_PASSWORDS_DIFFER: {
    retry: 'fatal',
    log: 'the new password and its repetition differ; nothing was created',
    details: () => z.object({ userId: z.string() }),
  },
  ERR_CLI_OUT_UNWRITABLE: {
    retry: 'fatal',
    log: 'the output folder cannot be created or written',
    details: () => z.object({ option: z.string(), path: z.string(), reason: z.string() }),
  },
});
