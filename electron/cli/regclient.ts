import { loadCommands } from './commands/lazyCommands';
import { runCli } from './runCli';

// `regclient packet sample-input | head -c 50`: the reader closing the pipe is its choice, not a
// failure; exit quietly instead of an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

/** `regclient` — the command-line face of the same services the app uses. */
async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), loadCommands, { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}

// no top-level await: the same file is bundled to CommonJS (dist/cli/regclient.cjs)
void main();
