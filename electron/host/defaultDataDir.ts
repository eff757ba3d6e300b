import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'REGCLIENT_DATA_DIR';
export const SERVER_URL_ENV = 'REGCLIENT_SERVER_URL';

/** `--data-dir`, else REGCLIENT_DATA_DIR, else the platform's per-user data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return resolve(flag);
  if (env[DATA_DIR_ENV]) return resolve(env[DATA_DIR_ENV]!);
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'regclient');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'regclient');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'regclient');
}
