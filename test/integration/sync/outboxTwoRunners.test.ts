import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Clock, Disposable } from '../../../native/time/Clock';
import { ManualClock } from '../../../native/time/ManualClock';
import type { DB } from '../../../electron/services/db/Database';
import { migrate } from '../../../electron/services/db/migrations';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { listOutbox } from '../../../electron/services/db/repos/outbox';
import { MosipSyncService } from '../../../electron/services/sync/MosipSyncService';
import type { SimRequest } from '../../sims/mosip/simHttp';
import { admin, startSimBed, type ClientBed, type SimBed } from './syncTestBed';
import { approveAll, makeOutbox, seedPackets } from './outboxBed';

const SYNC_V2 = '/registrationprocessor/v1/registrationstatus/syncV2';
const PACKETS = 4;

/** A ManualClock that reports each timer set on it: the test awaits "the runner is waiting" as an event. */
class WatchedClock extends ManualClock {
  onTimer: (() => void) | undefined;
  override setTimeout(callback: () => void, ms: number): Disposable {
    const timer = super.setTimeout(callback, ms);
    this.onTimer?.();
    return timer;
  }
}

/** One machine's data dir opened twice: the app's connection and the CLI's, each with its own server session. */
function twoConnections(bed: SimBed): { a: ClientBed; b: ClientBed } {
  const dataDir = mkdtempSync(join(bed.dir, 'two-'));
  mkdirSync(join(dataDir, 'packets'));
  const key = randomBytes(32);
  const open = (): ClientBed => {
    const db: DB = openDatabase(join(dataDir, 't.db'), key);
    migrate(db);
    const service = new MosipSyncService({ db, clock: bed.clock, machineKey: bed.machineKey, centreId: '10001', machineId: '10002', serverUrl: bed.sim.url, dataDir, timeoutMs: 5000 });
    return { dataDir, db, service, close: () => db.close() };
  };
  return { a: open(), b: open() };
}

describe('two outbox runners on one SQLite file (app scheduler + `sync --eod`)', () => {
  let bed: SimBed;
  let a: ClientBed;
  let b: ClientBed;
  before(async () => {
    bed = await startSimBed();
    ({ a, b } = twoConnections(bed));
    await a.service.login('officer1', 'Officer#2026');
    await b.service.login('officer1', 'Officer#2026');
    await a.service.downSync();
  });
  after(async () => {
    bed.sim.beforeRoute = undefined;
    a?.close();
    b?.close();
    await bed.close();
  });

  it('RID-syncs and uploads each packet exactly once, counted by the server', async () => {
    const rids = await seedPackets({ db: a.db, dataDir: a.dataDir, sim: bed.sim, machineKey: bed.machineKey, now: bed.clock.now(), count: PACKETS });
    approveAll(a.db, bed.clock, rids);
    // Hold the app's first RID sync until the CLI's runner either sends its own (two runners at
    // once) or settles down to wait for the app's run to end.
    let syncs = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appSyncing!: () => void;
    const appSyncArrived = new Promise<void>((resolve) => (appSyncing = resolve));
    let secondSync!: () => void;
    const secondSyncArrived = new Promise<'second RID sync'>((resolve) => (secondSync = () => resolve('second RID sync')));
    bed.sim.beforeRoute = (req: SimRequest) => {
      if (req.path !== SYNC_V2) return Promise.resolve();
      syncs += 1;
      if (syncs === 1) {
        appSyncing();
        return held;
      }
      secondSync();
      return Promise.resolve();
    };
    const cliClock = new WatchedClock(bed.clock.now());
    let cliWaiting!: () => void;
    const cliWaits = new Promise<'cli waits'>((resolve) => (cliWaiting = () => resolve('cli waits')));
    cliClock.onTimer = () => cliWaiting();

    const app = makeOutbox(a, bed.sim, bed.clock).run({ statuses: false });
    await appSyncArrived;
    const cli = makeOutbox(b, bed.sim, cliClock as Clock as ManualClock).drain({ deadline: cliClock.now() + 60_000 });
    const first = await Promise.race([cliWaits, secondSyncArrived]);
    release();
    const appSummary = await app;
    // the CLI's runner waits on its own clock: let its wait end, now that the app's run is over
    if (first === 'cli waits') cliClock.advance(60_000);
    const cliSummary = await cli;

    const stats = (await admin(bed.sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; synced: number; uploaded: number }> };
    const counts = rids.map((rid) => Object.values(stats.packets).find((p) => p.registrationId === rid)).map((p) => [p?.synced, p?.uploaded]);
    assert.deepEqual(counts, rids.map(() => [1, 1]), `server counts [synced, uploaded] per packet (first: ${first})`);
    assert.equal(first, 'cli waits');
    assert.deepEqual([...appSummary.uploaded].sort(), [...rids].sort());
    assert.deepEqual([cliSummary.synced, cliSummary.uploaded, cliSummary.stoppedBy], [[], [], null]);
    assert.deepEqual([...new Set(listOutbox(b.db).map((i) => i.state))], ['UPLOADED']);
  });
});
