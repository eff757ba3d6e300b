import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'REGCLIENT_DATA_DIR';
export const SERVER_URL_ENV = 'REGCLIENT_SERVER_URL';

/** A data directory and where its path came from, so a refusal can name both. */
export interface LocatedDataDir {
  readonly path: string;
  /** e.g. `--data-dir`, `REGCLIENT_DATA_DIR`, `XDG_DATA_HOME`, `the default per-user folder` */
  readonly source: string;
}

/**
 * `--data-dir`, else REGCLIENT_DATA_DIR, else the platform's per-user data folder. An empty
 * variable counts as unset: XDG Base Directory spec, "If $XDG_DATA_HOME is either not set or
 * empty, a default equal to $HOME/.local/share should be used", and a relative XDG path "should be
 * considered invalid and ignored" (an empty one once made the CLI create `./regclient`).
 */
export function locateDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): LocatedDataDir {
  if (flag) return { path: resolve(flag), source: '--data-dir' };
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return { path: resolve(fromEnv), source: DATA_DIR_ENV };
  // $HOME of the environment given (the CLI's), as os.homedir() reads it for this process
  const home = env.HOME || homedir();
  if (process.platform === 'win32') return { path: join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'regclient'), source: 'the default per-user folder (APPDATA)' };
  if (process.platform === 'darwin') return { path: join(home, 'Library', 'Application Support', 'regclient'), source: 'the default per-user folder' };
  const xdg = env.XDG_DATA_HOME;
  if (xdg && isAbsolute(xdg)) return { path: join(xdg, 'regclient'), source: 'XDG_DATA_HOME' };
  return { path: join(home, '.local', 'share', 'regclient'), source: 'the default per-user folder ($HOME/.local/share)' };
}

/** `--data-dir`, else REGCLIENT_DATA_DIR, else the platform's per-user data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return locateDataDir(flag, env).path;
}
