import { COMMANDS } from './commands';
import { runCli } from './runCli';

/** `regclient` — the command-line face of the same services the app uses. */
const code = await runCli(process.argv.slice(2), COMMANDS, { env: process.env, stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
