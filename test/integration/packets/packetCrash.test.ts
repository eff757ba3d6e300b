import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../native/time/ManualClock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { listPackets } from '../../../electron/services/db/repos/packets';
import { outboxJobs } from '../../../electron/services/db/repos/outbox';
import { inspectPacket } from '../../../electron/services/packets/packetInspector';
import { TEST_ID_SCHEMA } from '../../helpers/packetFixture';
import { makeTestPki } from '../../helpers/packetKeys';
import { testRandom } from '../../helpers/testRandom';

const CHILD = join(import.meta.dirname, 'crashChild.ts');
const MIN_BUILDS = 50;
const BUILDS_PER_CHILD = 8;
const STAGES_PER_BUILD = 8;

interface ChildRun {
  readonly started: number;
  readonly built: number;
  readonly killed: boolean;
  readonly cleanup: { partials: string[]; orphans: string[] } | undefined;
}

/** Runs the child; kills it with SIGKILL when it prints its `killAt`-th stage line (never, if undefined). */
async function runChild(dataDir: string, count: number, killAt: number | undefined): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stages = 0;
  let started = 0;
  let built = 0;
  let killed = false;
  let cleanup: ChildRun['cleanup'];
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('cleanup ')) cleanup = JSON.parse(line.slice(8)) as ChildRun['cleanup'];
    if (line === 'stage validate') started++;
    if (line.startsWith('built ')) built++;
    if (line.startsWith('stage ') && ++stages === killAt) {
      killed = child.kill('SIGKILL');
      break;
    }
  }
  const code = await exited;
  if (!killed) assert.equal(code, 0, 'child failed without being killed');
  return { started, built, killed, cleanup };
}

/**
 * Kills the packet builder with SIGKILL at random stage lines and checks that only committed,
 * verifiable packets remain. The kill points come from a seeded PRNG: the test prints
 * `packet crash: seed N` first; replay a failure with `TEST_SEED=N node --import tsx --test
 * test/integration/packets/packetCrash.test.ts`: the same seed gives the same kill points (the
 * stage line at which SIGKILL is sent; how far the child got before it lands can still differ).
 */
describe('packet crash safety (SIGKILL during builds)', () => {
  let dataDir: string;
  const pki = makeTestPki(Date.now());

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'packet-crash-'));
    await writeFile(join(dataDir, 'db.key'), randomBytes(32).toString('hex'));
    await writeFile(join(dataDir, 'reg.crt.pem'), pki.regCertPem);
    await writeFile(join(dataDir, 'machine.key.pem'), pki.machineKeyPem);
    await mkdir(join(dataDir, 'packets'));
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  it(`leaves only committed, verifiable packets after ≥${MIN_BUILDS} builds killed at random points`, async (t) => {
    const random = testRandom('packet crash');
    let started = 0;
    let kills = 0;
    let removed = 0;
    while (started < MIN_BUILDS) {
      const killAt = 1 + random.int(BUILDS_PER_CHILD * STAGES_PER_BUILD);
      const run = await runChild(dataDir, BUILDS_PER_CHILD, killAt);
      started += run.started;
      kills += run.killed ? 1 : 0;
      removed += (run.cleanup?.partials.length ?? 0) + (run.cleanup?.orphans.length ?? 0);
    }
    // The next start (no builds) is the startup cleanup after the last kill.
    const final = await runChild(dataDir, 0, undefined);
    removed += (final.cleanup?.partials.length ?? 0) + (final.cleanup?.orphans.length ?? 0);
    assert.ok(kills >= 5, `expected several kills, got ${kills} (seed ${random.seed})`);

    const db = openDatabase(join(dataDir, 'regclient.db'), Buffer.from(await readFile(join(dataDir, 'db.key'), 'utf8'), 'hex'));
    try {
      const rows = listPackets(db);
      const files = (await readdir(join(dataDir, 'packets'))).sort();
      assert.deepEqual(files, rows.map((r) => r.file_name).sort(), `every file has a row and every row its file; no partial file (seed ${random.seed})`);
      assert.ok(rows.length > 0);
      for (const row of rows) {
        const bytes = await readFile(join(dataDir, 'packets', row.file_name));
        assert.equal(bytes.length, row.size);
        const report = await inspectPacket({ bytes, fileName: row.file_name, regKey: pki.regKey, machinePublicKey: createPublicKey(pki.machineKey), idSchema: TEST_ID_SCHEMA });
        assert.deepEqual(report.checks.filter((c) => !c.ok), [], `${row.packet_id} (seed ${random.seed})`);
        assert.deepEqual(outboxJobs(db, row.packet_id), [{ state: 'PENDING', attempts: 0 }]);
      }
      const audit = new AuditLog(db, new ManualClock());
      assert.equal(audit.verify().ok, true);
      assert.equal(audit.recent(10_000).filter((e) => e.event === 'PACKET_LEFTOVER_REMOVED').length, removed);
      assert.equal(audit.recent(10_000).filter((e) => e.event === 'PACKET_CREATED').length, rows.length);
      t.diagnostic(`seed ${random.seed}: ${started} builds started, ${kills} kills, ${rows.length} committed, ${removed} leftovers removed at startup`);
    } finally {
      db.close();
    }
  });
});
