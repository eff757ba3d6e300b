import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import type { MachineKey } from '../../../native/keystore/machineKeyStore';
import { ManualClock } from '../../../native/time/ManualClock';
import type { DB } from '../../../electron/services/db/Database';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { migrate } from '../../../electron/services/db/migrations';
import { MosipSyncService } from '../../../electron/services/sync/MosipSyncService';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';

/** A fresh RSA-2048 machine key shaped like native/keystore's, without the wrapped file. */
export function makeMachineKey(): MachineKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey, spkiDer, keyIndex: computeKeyIndex(spkiDer) };
}

/** POSTs JSON to a simulator admin endpoint and returns the parsed answer. */
export async function admin(sim: MosipSimulator, path: string, body: unknown = {}, method = 'POST'): Promise<Record<string, unknown>> {
  const res = await fetch(`${sim.url}/_sim/${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`admin ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** One simulator (seeded, machine 10002 registered) shared by a test file; PKI generation is the slow part. */
export interface SimBed {
  readonly dir: string;
  readonly sim: MosipSimulator;
  readonly clock: ManualClock;
  readonly machineKey: MachineKey;
  close(): Promise<void>;
}

export async function startSimBed(): Promise<SimBed> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-it-'));
  const clock = new ManualClock();
  const sim = await new MosipSimulator({ stateDir: join(dir, 'sim'), clock }).start();
  const machineKey = makeMachineKey();
  await admin(sim, 'machines', { centreId: '10001', machineId: '10002', publicKey: machineKey.spkiDer.toString('base64') });
  return {
    dir,
    sim,
    clock,
    machineKey,
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A migrated database and a sync service in a fresh data dir, against the bed's simulator. */
export interface ClientBed {
  readonly dataDir: string;
  readonly db: DB;
  readonly service: MosipSyncService;
  close(): void;
}

/** The seeded simulator's name for machine 10002 (its machine master row; test/sims/mosip/seedData.ts). */
export const SIM_MACHINE_NAME = 'stp-laptop-10002';

export function makeClient(bed: SimBed, overrides: Partial<{ clock: ManualClock; machineKey: MachineKey; timeoutMs: number; serverUrl: string; machineName: string | (() => string); maxEntityBytes: number }> = {}): ClientBed {
  const dataDir = mkdtempSync(join(bed.dir, 'client-'));
  const db = openDatabase(join(dataDir, 't.db'), randomBytes(32));
  migrate(db);
  const service = new MosipSyncService({
    db,
    clock: overrides.clock ?? bed.clock,
    machineKey: overrides.machineKey ?? bed.machineKey,
    centreId: '10001',
    machineId: '10002',
    // a function: the name as settings hold it at each check (a test corrects it between runs)
    machineName: () => (typeof overrides.machineName === 'function' ? overrides.machineName() : overrides.machineName ?? SIM_MACHINE_NAME),
    serverUrl: overrides.serverUrl ?? bed.sim.url,
    dataDir,
    timeoutMs: overrides.timeoutMs ?? 5000,
    maxEntityBytes: overrides.maxEntityBytes,
  });
  return { dataDir, db, service, close: () => db.close() };
}

/**
 * A client logged in as supervisor1 whose KERNEL/SIGN certificate is pinned, where most server
 * tests start; `pinned`: the certificates the pinning wrote (1 on a fresh client).
 */
export async function pinnedClient(bed: SimBed): Promise<{ client: ClientBed; pinned: number }> {
  const client = makeClient(bed);
  await client.service.login('supervisor1', 'Supervisor#2026');
  return { client, pinned: await client.service.syncSignCertificate() };
}
