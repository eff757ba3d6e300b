import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockShifterEnv } from './clockShifterEnv';

const CLI = fileURLToPath(new URL('../../electron/cli/regclient.ts', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Where a test user's OS keyring lives: a HOME of its own, so that two homes are two users (or two machines). */
export interface KeyringHome {
  readonly home: string;
}

export function keyringHome(dir: string, name: string): KeyringHome {
  const home = join(dir, name);
  mkdirSync(home, { recursive: true });
  return { home };
}

/**
 * Runs `regclient argv` as in a new login: a new kernel session keyring (keyctl session; the
 * keyring library caches entries there), and a real Secret Service session: a private session D-Bus
 * (dbus-run-session) with GNOME Keyring's daemon unlocked for `home`, as a desktop login does.
 * The keyring file persists in `home`, so the next session of the same home sees its entries.
 * Without `home`, the CLI runs with no session bus at all (a service, cron or ssh login).
 */
export function runCliInSession(home: KeyringHome | undefined, argv: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base = { ...clockShifterEnv(), PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home?.home ?? join(process.cwd(), 'no-home'), REGCLIENT_LOG: 'silent', ...env };
  const node = [process.execPath, '--import', 'tsx', CLI, ...argv];
  const session = home === undefined ? node : ['dbus-run-session', '--', 'sh', '-c', 'printf %s keyring-login | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && exec "$@"', 'sh', ...node];
  return new Promise((resolvePromise, reject) => {
    // a new kernel session keyring, as each login gets one: the keyring library caches entries there
    const child = spawn('keyctl', ['session', '-', ...session], { env: { ...base, XDG_DATA_HOME: join(base.HOME, '.local', 'share') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code: code ?? -1, out, err }));
  });
}
