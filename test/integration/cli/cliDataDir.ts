import { openDataDir, type OpenedDataDir } from '../../../electron/host/openDataDir';
import { AuthService } from '../../../electron/services/auth/AuthService';

/** Opens the CLI's data dir in process, reads it with `use`, and closes it again (the CLI opens it next). */
export function readDataDir<T>(dataDir: string, use: (data: OpenedDataDir) => T): T {
  const data = openDataDir({ dataDir, env: {} });
  try {
    return use(data);
  } finally {
    data.close();
  }
}

/**
 * Opens a new data dir holding supervisor1 (Supervisor#2026) and officer1 (Officer#2026), as the
 * CLI files' set-ups want; the caller seeds the rest and closes it.
 */
export async function openWithOperators(dataDir: string): Promise<OpenedDataDir> {
  const data = openDataDir({ dataDir, env: {} });
  try {
    const auth = new AuthService({ db: data.db, audit: data.audit, clock: data.clock });
    await auth.createOperator({ userId: 'supervisor1', name: 'S', roles: ['REGISTRATION_SUPERVISOR'], password: 'Supervisor#2026', language: 'por' }, null);
    await auth.createOperator({ userId: 'officer1', name: 'O', roles: ['REGISTRATION_OFFICER'], password: 'Officer#2026', language: 'por' }, null);
    return data;
  } catch (err) {
    data.close();
    throw err;
  }
}
