import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../../electron/services/db/Database';
import { migrate } from '../../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { findOutbox, patchOutbox } from '../../../../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { processAlive, RunLease } from '../../../../../../electron/services/sync/outbox/RunLease';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import { makeTempDir } from '../../../../../helpers/tempDir';

/** A process that has exited: its pid names no running process (until the OS reuses it). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

describe('one outbox runner per database file (two connections)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let app: DB;
  let cli: DB;
  let clock: ManualClock;
  beforeEach(() => {
    temp = makeTempDir();
    const key = randomBytes(32);
    app = openDatabase(join(temp.path, 't.db'), key);
    migrate(app);
    cli = openDatabase(join(temp.path, 't.db'), key);
    clock = new ManualClock();
  });
  afterEach(() => {
    app.close();
    cli.close();
    temp.remove();
  });

  it('gives the lease to one connection at a time, and to the other once released', () => {
    const a = new RunLease({ db: app, clock, name: 'outbox' });
    const b = new RunLease({ db: cli, clock, name: 'outbox' });
    assert.equal(a.take(), undefined);
    assert.equal(b.take()?.pid, process.pid, 'the second runner is told who holds it');
    assert.equal(a.renew(), undefined, 'the holder renews its own lease');
    a.release();
    assert.equal(b.take(), undefined);
    assert.equal(a.take()?.pid, process.pid);
  });

  it('takes over a lease whose process died (SIGKILL mid-run), but not one of a live process', async () => {
    const pid = await deadPid();
    assert.equal(processAlive(pid), false);
    assert.equal(processAlive(process.pid), true);
    const killed = new RunLease({ db: app, clock, name: 'outbox', isAlive: () => true });
    assert.equal(killed.take(), undefined);
    app.prepare('UPDATE run_leases SET pid = ? WHERE name = ?').run(pid, 'outbox');
    assert.equal(new RunLease({ db: cli, clock, name: 'outbox' }).take(), undefined, 'dead holder: taken over at once');
    assert.equal(killed.renew()?.pid, process.pid, 'the old holder learns it lost the lease');
  });

  it('takes over an expired lease even when its pid looks alive (a reused pid)', () => {
    const stale = new RunLease({ db: app, clock, name: 'outbox', ttlMs: 60_000 });
    assert.equal(stale.take(), undefined);
    const next = new RunLease({ db: cli, clock, name: 'outbox', isAlive: () => true });
    clock.advance(59_999);
    assert.equal(next.take()?.pid, process.pid);
    clock.advance(2);
    assert.equal(next.take(), undefined);
  });

  it("moves an outbox row only from the state the caller read (compare-and-set across connections)", () => {
    insertPacketWithJob(app, { packet_id: 'P1', rid: 'R1', process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: 'P1.zip', size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: 1 });
    assert.equal(patchOutbox(app, 'P1', 'PENDING', { state: 'SYNCED' }, 2)?.state, 'SYNCED');
    // both runners read SYNCED; the app claims the upload first
    assert.equal(patchOutbox(app, 'P1', 'SYNCED', { state: 'UPLOADING' }, 3)?.state, 'UPLOADING');
    assert.equal(patchOutbox(cli, 'P1', 'SYNCED', { state: 'UPLOADING', attempts: 9 }, 4), undefined, 'the stale claim loses');
    const row = findOutbox(cli, 'P1')!;
    assert.deepEqual([row.state, row.attempts], ['UPLOADING', 0], 'and changes nothing');
  });
});
