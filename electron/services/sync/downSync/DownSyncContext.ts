import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { MachineKey } from '../../../../native/keystore/machineKeyStore';
import type { Clock } from '../../../../native/time/Clock';
import type { DB } from '../../db/Database';
import type { MosipHttpClient } from '../MosipHttpClient';

/**
 * What one down-sync job needs from the service that runs it: the store, this machine, and calls
 * to the server that need the session. Each job is a module of its own (issue 15); the session
 * stays with MosipSyncService.
 */
export interface DownSyncContext {
  readonly db: DB;
  readonly clock: Clock;
  readonly machineKey: MachineKey;
  readonly centreId: string;
  /** `<centre>_<machine>`: the REGISTRATION certificate's reference id */
  readonly refId: string;
  readonly dataDir: string;
  readonly serverUrl: string;
  readonly http: MosipHttpClient;
  readonly maxEntityBytes?: number;
  /** `{ version }` for syncdata calls, when the client's version is known */
  version(): Record<string, string>;
  /** the pinned KERNEL/SIGN key that signs responses, once synced */
  signKey(): KeyObject | undefined;
  /** a GET that needs the session, its errors classified for this machine */
  get<S extends z.ZodType>(path: string, query: Readonly<Record<string, string | undefined>>, schema: S, signal?: AbortSignal): Promise<z.infer<S>>;
  /** refused locally (reauth) when the session has run out */
  authed<T>(fn: () => Promise<T>): Promise<T>;
}

/** Options common to the delta jobs: `full` ignores the last success's server time. */
export type DeltaOptions = Readonly<{ full?: boolean; signal?: AbortSignal }>;
