import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../../native/time/Clock';
import type { CrvsPacketContent } from '../../../schemas/crvsOnline';
import type { DB } from '../../../electron/services/db/Database';
import { insertCrvsOnline } from '../../../electron/services/db/repos/crvsOnline';
import { listOutbox } from '../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { testRandom } from '../../helpers/testRandom';
import { childDatabase, runKillableChild, type ChildRun, type KillAt } from '../../helpers/sigkillChild';
import { approveAll } from './outboxBed';
import { admin } from './syncTestBed';

const CHILD = fileURLToPath(new URL('./crvsOnlineChild.ts', import.meta.url));
const RUNS = 12;
const PER_RUN = 2;
const CREATE = '/commons/v1/packetmanager/createPacket';
const WORKFLOW = '/registrationprocessor/v1/workflowmanager/workflowinstance';

/** The child killed `delayMs` after the `request`-th createPacket / workflowinstance call reaches the simulator (test/helpers/sigkillChild.ts). */
const runChild = (sim: MosipSimulator, env: NodeJS.ProcessEnv, killAt: KillAt | undefined): Promise<ChildRun> =>
  runKillableChild({ entry: CHILD, server: sim.events, counts: (path) => path === CREATE || path === WORKFLOW, env, killAt });

/** Approved CRVS_NEW packets whose createPacket content is stored, as a build would leave them (no file: the online path reads none). */
function seedCrvsPackets(db: DB, first: number, count: number): string[] {
  const rids: string[] = [];
  for (let i = first; i < first + count; i++) {
    const rid = `1000110002${String(i).padStart(5, '0')}20261203090000`;
    const packetId = `${rid}-10001_10002-20261203090000`;
    const content: CrvsPacketContent = {
      id: rid, additionalInfoReqId: null, refId: '10001_10002', offlineMode: false, process: 'CRVS_NEW', schemaVersion: '0.1', schemaJson: '{"properties":{}}',
      fields: { fullName: JSON.stringify([{ language: 'por', value: `Criança ${i}` }]), birthCertificateNumber: `AG-2026/${i}` },
      metaInfo: {}, documents: {}, audits: [{ id: rid, eventId: 'REG-EVT-001' }], biometrics: {},
    };
    db.transaction(() => {
      insertPacketWithJob(db, { packet_id: packetId, rid, process: 'CRVS_NEW', centre_id: '10001', machine_id: '10002', file_name: `${packetId}.zip`, size: 1, sha256: '00', status: 'CREATED', meta: '{}', created_at: systemClock.now() });
      insertCrvsOnline(db, packetId, content);
    })();
    rids.push(rid);
  }
  return rids;
}

/**
 * Online civil-registration delivery killed with SIGKILL around its createPacket and
 * workflowinstance calls (seeded: `crvs online SIGKILL: seed N`, replay with TEST_SEED=N): every
 * packet ends with exactly one workflow instance on the simulator, and a createPacket repeated
 * after a kill only overwrote the same packet (MOSIP's writer stores by id).
 */
describe('online civil-registration delivery killed with SIGKILL at random moments', () => {
  let dir: string;
  let sim: MosipSimulator;
  let db: DB;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crvs-kill-'));
    // Real time on both sides: the child process cannot share a ManualClock.
    sim = await new MosipSimulator({ stateDir: join(dir, 'sim'), clock: systemClock }).start();
  });
  after(async () => {
    db?.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`starts one workflow per packet over ${RUNS} killed runs and a final one`, { timeout: 600_000 }, async (t) => {
    const random = testRandom('crvs online SIGKILL');
    const child = childDatabase(join(dir, 'client'), sim.url);
    db = child.db;
    const childEnv = () => ({ ...child.env, CHILD_SEED: String(random.int(0xffffffff)) });
    const all: string[] = [];
    let killed = 0;
    for (let run = 0; run < RUNS; run++) {
      const rids = seedCrvsPackets(db, all.length + 1, PER_RUN);
      approveAll(db, systemClock, rids);
      all.push(...rids);
      // 2 calls a packet: kill after one of them, a little after it reached the server
      const killAt = { request: 1 + random.int(2 * PER_RUN), delayMs: random.int(15) };
      const result = await runChild(sim, childEnv(), killAt);
      if (result.signal === 'SIGKILL') killed++;
      else assert.equal(result.code, 0, `run ${run} (seed ${random.seed}) failed:\n${result.out}`);
    }
    const last = await runChild(sim, childEnv(), undefined);
    assert.equal(last.code, 0, `final run (seed ${random.seed}) failed:\n${last.out}`);
    t.diagnostic(`${killed} of ${RUNS} runs killed mid-delivery`);
    assert.ok(killed >= RUNS / 2, `only ${killed} of ${RUNS} runs were killed (seed ${random.seed})`);
    const stats = (await admin(sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; created: number; workflowInstances: number; synced: number; uploaded: number }> };
    const byRid = new Map(Object.values(stats.packets).map((p) => [p.registrationId, p]));
    const wrong = all.filter((rid) => byRid.get(rid)?.workflowInstances !== 1 || (byRid.get(rid)?.created ?? 0) < 1 || byRid.get(rid)?.uploaded !== 0).map((rid) => `${rid}: ${JSON.stringify(byRid.get(rid) ?? 'missing')}`);
    assert.deepEqual(wrong, [], `seed ${random.seed}`);
    assert.equal(byRid.size, all.length, 'one packet per RID on the server');
    const recreated = all.filter((rid) => (byRid.get(rid)?.created ?? 0) > 1).length;
    t.diagnostic(`${recreated} createPacket calls repeated after a kill (overwrites of the same id)`);
    assert.deepEqual([...new Set(listOutbox(db).map((i) => i.state))], ['UPLOADED']);
  });
});
