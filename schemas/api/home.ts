import { z } from 'zod';
import { KeyProtection } from '../keyProtection';
import { MachineIdentity } from '../machine';

/** Dashboard figures; each later area adds its own card data here. */
export const HomeSummary = z.object({
  machine: MachineIdentity,
  disk: z.object({ dataDir: z.string(), freeBytes: z.number().nonnegative(), totalBytes: z.number().nonnegative() }),
  /** audit entries written today (local day): shows the store is live and being written */
  auditEntriesToday: z.number().int().nonnegative(),
  lastLoginAt: z.number().int().nullable(),
  lastSyncAt: z.number().int().nullable(),
});
export type HomeSummary = z.infer<typeof HomeSummary>;

/** What runs the services: the desktop app, the browser host, or one CLI command (through the same Router). */
export const AppHost = z.enum(['electron', 'browser', 'cli']);
export type AppHost = z.infer<typeof AppHost>;

export const AppInfo = z.object({
  version: z.string(),
  host: AppHost,
  isDemo: z.boolean(),
  centreId: z.string(),
  machineId: z.string(),
  keyIndex: z.string(),
  /** what keeps the database and machine keys secret at rest: a plain key file beside them is shown as a warning */
  keyProtection: KeyProtection,
});
export type AppInfo = z.infer<typeof AppInfo>;
