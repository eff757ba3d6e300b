import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import { systemClock } from '../../../native/time/Clock';
import type { DB } from '../../../electron/services/db/Database';
import { listOutbox } from '../../../electron/services/db/repos/outbox';
import { MosipSyncService } from '../../../electron/services/sync/MosipSyncService';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin } from './syncTestBed';
import { approveAll, seedPackets } from './outboxBed';
import { testRandom } from '../../helpers/testRandom';
import { childDatabase, runKillableChild, type ChildRun, type KillAt } from '../../helpers/sigkillChild';

const CHILD = fileURLToPath(new URL('./outboxChild.ts', import.meta.url));
const RUNS = 30;

const isRegProc = (path: string): boolean => path.startsWith('/registrationprocessor/');

/** The child killed at `killAt`, counting the registration-processor requests it sends (test/helpers/sigkillChild.ts). */
const runChild = (sim: MosipSimulator, env: NodeJS.ProcessEnv, killAt: KillAt | undefined): Promise<ChildRun> =>
  runKillableChild({ entry: CHILD, server: sim.events, counts: isRegProc, env: { REGCLIENT_KEY_STORE: 'keyfile', ...env }, killAt });

/**
 * The kill points come from a seeded PRNG: the test prints `outbox SIGKILL: seed N` first, and
 * `TEST_SEED=N` replays the same points (which request, and how long after it; what the child is doing
 * by then still depends on the machine's speed).
 */
describe('outbox killed with SIGKILL at random moments', () => {
  let dir: string;
  let sim: MosipSimulator;
  let db: DB;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-kill-'));
    // Real time on both sides: the child process cannot share a ManualClock.
    sim = await new MosipSimulator({ stateDir: join(dir, 'sim'), clock: systemClock }).start();
  });
  after(async () => {
    db?.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The timeout only guards against a hang, it bounds no property: 31 child processes took 390 s on
  // the 2 shared cores at load 22, where the former 120 s failed a correct run.
  it(`uploads every packet exactly once over ${RUNS} killed runs and a final one`, { timeout: 900_000 }, async (t) => {
    const random = testRandom('outbox SIGKILL');
    const seed = random.seed;
    const dataDir = join(dir, 'client');
    const child = childDatabase(dataDir, sim.url);
    db = child.db;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
    const machineKey = { privateKey, publicKey, spkiDer, keyIndex: computeKeyIndex(spkiDer) };
    writeFileSync(join(dataDir, 'machine.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(dataDir, 'registration.pem'), sim.pki.registration('10001_10002').certPem);
    await admin(sim, 'machines', { centreId: '10001', machineId: '10002', publicKey: spkiDer.toString('base64') });
    const service = new MosipSyncService({ db, clock: systemClock, machineKey, centreId: '10001', machineId: '10002', serverUrl: sim.url, dataDir });
    await service.login('officer1', 'Officer#2026');
    await service.downSync(); // pins KERNEL/SIGN and syncs the reason list
    // each child's backoff jitter is seeded from the test's seed too
    const childEnv = () => ({ ...child.env, CHILD_SEED: String(random.int(0xffffffff)) });
    const all: string[] = [];
    // One unkilled run first: it counts the requests of a sync of three packets and how long each takes
    // here, so every later kill picks one of those requests and a moment around its answer (the client
    // then waits on the server, or writes what it got back).
    const calibration = await seedPackets({ db, dataDir, sim, machineKey, now: systemClock.now(), count: 3, firstSequence: 1 });
    approveAll(db, systemClock, calibration);
    all.push(...calibration);
    const measured = await runChild(sim, childEnv(), undefined);
    assert.equal(measured.code, 0, `calibration run failed:\n${measured.out}`);
    assert.ok(measured.requests >= 4, `a sync of 3 packets (one sync, three uploads) sent only ${measured.requests} requests:\n${measured.out}`);
    const perRequestMs = Math.max(2, measured.ranMs / measured.requests);
    let killed = 0;
    for (let run = 0; run < RUNS; run++) {
      // Fresh work every run, so each kill lands in the middle of a real sync.
      const rids = await seedPackets({ db, dataDir, sim, machineKey, now: systemClock.now(), count: 3, firstSequence: all.length + 1 });
      approveAll(db, systemClock, rids);
      all.push(...rids);
      const killAt = { request: 1 + random.int(measured.requests), delayMs: Math.floor(random.next() * perRequestMs * 1.5) };
      const result = await runChild(sim, childEnv(), killAt);
      if (result.signal === 'SIGKILL') killed++;
      else assert.equal(result.code, 0, `run ${run} (seed ${seed}) failed:\n${result.out}`);
    }
    const last = await runChild(sim, childEnv(), undefined);
    assert.equal(last.code, 0, `final run (seed ${seed}) failed:\n${last.out}`);
    t.diagnostic(`${killed} of ${RUNS} runs killed mid-sync`);
    assert.ok(killed >= RUNS / 2, `only ${killed} of ${RUNS} runs were killed mid-sync (seed ${seed}, ${measured.requests} requests of ${perRequestMs.toFixed(1)} ms)`);
    const stats = (await admin(sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; uploaded: number; status: string }> };
    const byRid = new Map(Object.values(stats.packets).map((p) => [p.registrationId, p]));
    const wrong = all.filter((rid) => byRid.get(rid)?.uploaded !== 1 || byRid.get(rid)?.status !== 'RECEIVED').map((rid) => `${rid}: ${JSON.stringify(byRid.get(rid) ?? 'missing')}`);
    assert.deepEqual(wrong, [], `seed ${seed}`);
    assert.deepEqual([...new Set(listOutbox(db).map((i) => i.state))], ['UPLOADED']);
  });
});
