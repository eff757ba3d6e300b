import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { findOutbox, patchOutbox } from '../../../../../../electron/services/db/repos/outbox';
import { createSyncStore, type SyncStore } from '../../../../../../renderer/features/sync/store/store';
import { syncSelectors } from '../../../../../../renderer/features/sync/store/slices/outbox/selectors';
import { makeTempDir } from '../../../../../helpers/tempDir';
import { openSyncFixture, type SyncFixture } from '../openSyncFixture';

// One back end for the suite (opening a data dir and building packets is the slow part); the
// tests run in order on two approved packets, a and b, and say what they change.
describe('sync store (against the real Router)', () => {
  let fixture: SyncFixture;
  let store: SyncStore;
  let disconnect: () => void;
  let a: string, b: string;
  const rids = (items: readonly { rid: string }[]) => items.map((i) => i.rid);

  before(async () => {
    fixture = await openSyncFixture();
    [a, b] = [await fixture.buildPacket('a'), await fixture.buildPacket('b')];
    await fixture.supervisor['packets.approve']({ ids: [a, b], password: 'Supervisor#2026' });
  });
  after(() => fixture.close());
  beforeEach(async () => {
    store = createSyncStore(fixture.supervisor);
    disconnect = store.getState().connect();
    await store.getState().refresh();
  });
  afterEach(() => disconnect());

  it('shows the outbox, the schedule and the offline limits', () => {
    const s = store.getState();
    assert.equal(s.status, 'ready');
    assert.deepEqual(s.inFlight.map((i) => [i.rid, i.state, i.supervisorStatus]), [[a, 'READY', 'APPROVED'], [b, 'READY', 'APPROVED']]);
    assert.deepEqual(s.parked, []);
    assert.deepEqual(syncSelectors.jobs(s).map((j) => [j.job, j.enabled, j.everyMinutes]), [['downSync', true, 360], ['outbox', true, 15], ['statusPoll', true, 60], ['retention', true, 1440]]);
    assert.deepEqual(syncSelectors.limits(s).map((l) => [l.limit, l.state]), [['pendingApprovals', 'ok'], ['approvalAgeDays', 'ok'], ['unsyncedPackets', 'ok'], ['daysSinceLastSync', 'ok'], ['freeDiskMb', 'ok']]);
    assert.equal(syncSelectors.waitingCount(s), 2);
  });

  it('keeps the summary of a run that stopped: no server is configured here', async () => {
    await store.getState().syncNow();
    const run = syncSelectors.run(store.getState());
    assert.equal(run.status, 'done');
    assert.deepEqual([run.summary?.uploaded, run.summary?.parked, run.summary?.stoppedBy], [[], [], { code: 'ERR_SYNC_NOT_CONFIGURED', details: { what: 'server address' } }]);
  });

  it("shows Sync now as the outbox job's last run, here and in a window that only follows events", async () => {
    const other = createSyncStore(fixture.officer);
    const offOther = other.getState().connect();
    try {
      await other.getState().refresh();
      fixture.clock.advance(7 * 60_000); // a time no earlier run can have
      const ranAt = fixture.clock.now();
      await store.getState().syncNow();
      const lastRun = (s: ReturnType<SyncStore['getState']>) => syncSelectors.jobs(s).find((j) => j.job === 'outbox')?.lastRunAt;
      assert.equal(lastRun(store.getState()), ranAt);
      assert.equal(lastRun(other.getState()), ranAt, 'sync.onDidChangeSchedule carried it to the other window');
    } finally {
      offOther();
    }
  });

  it("shows a run's progress from sync.onDidProgress, and clears it when its own run ends", async () => {
    fixture.services.hub.broadcast('sync.onDidProgress', { phase: 'upload', done: 1, total: 4, rid: a });
    assert.deepEqual(syncSelectors.progress(store.getState()), { phase: 'upload', done: 1, total: 4, rid: a });
    assert.equal(syncSelectors.progressPercent(store.getState()), 25);
    assert.equal(syncSelectors.isProgressVisible(store.getState()), true);
    await store.getState().syncNow();
    assert.equal(syncSelectors.progress(store.getState()), null);
  });

  it('lists a parked packet with its error, and moves it back when a supervisor requeues it', async () => {
    // Arrange what the engine does when the server refuses a packet for good (no server here).
    const item = findOutbox(fixture.services.data.db, a)!;
    patchOutbox(fixture.services.data.db, item.packetId, 'READY', { state: 'PARKED', lastErrorCode: 'ERR_SYNC_REJECTED', lastErrorDetails: { status: 400 } }, fixture.clock.now());
    await store.getState().refresh();
    assert.deepEqual(store.getState().parked.map((i) => [i.rid, i.state, i.lastErrorCode, i.lastErrorDetails]), [[a, 'PARKED', 'ERR_SYNC_REJECTED', { status: 400 }]]);
    assert.deepEqual(rids(store.getState().inFlight), [b]);

    const officerView = createSyncStore(fixture.officer);
    const stop = officerView.getState().connect();
    await officerView.getState().refresh();
    await officerView.getState().requeue(item.packetId);
    assert.equal(syncSelectors.itemError(item.packetId)(officerView.getState())?.code, 'ERR_AUTH_FORBIDDEN');

    await store.getState().requeue(item.packetId);
    stop();
    assert.deepEqual([rids(store.getState().parked), rids(store.getState().inFlight)], [[], [a, b]]);
    // the officer's window followed through outbox.onDidChange alone
    assert.deepEqual([rids(officerView.getState().parked), rids(officerView.getState().inFlight)], [[], [a, b]]);
    assert.equal(store.getState().inFlight[0]?.lastErrorCode, null);
  });

  it('lets a supervisor change the schedule, and other windows follow it', async () => {
    const officerView = createSyncStore(fixture.officer);
    const stop = officerView.getState().connect();
    await officerView.getState().refresh();
    await officerView.getState().setSchedule({ job: 'outbox', enabled: true, everyMinutes: 5 });
    assert.equal(syncSelectors.schedule(officerView.getState()).error?.code, 'ERR_AUTH_FORBIDDEN');
    await store.getState().setSchedule({ job: 'outbox', enabled: false, everyMinutes: 30 });
    stop();
    for (const s of [store.getState(), officerView.getState()]) {
      const job = syncSelectors.job('outbox')(s);
      assert.deepEqual([job?.enabled, job?.everyMinutes], [false, 30]);
    }
  });

  it('reports a failed export with its code', async () => {
    const temp = makeTempDir();
    try {
      const file = join(temp.path, 'not-a-folder');
      writeFileSync(file, 'x');
      await store.getState().exportTo(join(file, 'usb'));
      assert.equal(syncSelectors.exported(store.getState()).status, 'failed');
      // the destination is checked before anything is written: a path through a file is not a folder
      assert.equal(syncSelectors.exported(store.getState()).error?.code, 'ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY');
    } finally {
      temp.remove();
    }
  });

  it('exports the approved packets to a folder and shows what it wrote', async () => {
    const temp = makeTempDir();
    try {
      await store.getState().exportTo(`  ${temp.path}  `);
      const exported = syncSelectors.exported(store.getState());
      assert.equal(exported.status, 'done');
      assert.deepEqual([exported.result?.rids, exported.result?.skipped], [[a, b], []]);
      assert.deepEqual(store.getState().inFlight.map((i) => i.state), ['EXPORTED', 'EXPORTED']);
    } finally {
      temp.remove();
    }
  });

  it('resets to the initial state', () => {
    store.getState().reset();
    assert.deepEqual([store.getState().status, store.getState().inFlight, store.getState().syncStatus], ['idle', [], null]);
  });
});
