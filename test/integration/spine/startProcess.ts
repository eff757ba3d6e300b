import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface StartOutcome {
  /** the exit code; for a start that came up and was then stopped, what `stop` exited with */
  readonly code: number | null;
  /** it printed its address, i.e. it started (and was stopped by SIGTERM) */
  readonly started: boolean;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `electron/build/start.ts` (the `npm start` entry, browser host, no build) as its own process
 * until it exits; a start that comes up (prints its URL) is stopped with SIGTERM at once, so a
 * refusal that fails to happen ends the test instead of hanging it.
 */
export function runStart(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<StartOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/build/start.ts'), '--browser', '--no-build', '--port', '0', '--without-simulators', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REGCLIENT_LOG: 'silent', REGCLIENT_DATA_DIR: '', REGCLIENT_SERVER_URL: '', REGCLIENT_KEY_STORE: 'keyfile', ...env },
  });
  let out = '';
  let err = '';
  let started = false;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (!started && /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m.test(out)) {
      started = true;
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, started, out, err }));
  });
}
