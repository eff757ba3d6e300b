import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../electron/services/db/Database';
import { SyncScheduler } from '../../../../../electron/services/sync/SyncScheduler';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { openMigratedDb } from '../../../../helpers/migratedDb';

describe('SyncScheduler', () => {
  let opened: ReturnType<typeof openMigratedDb>;
  let db: DB;
  let clock: ManualClock;
  let calls: string[];
  let fail: boolean;
  beforeEach(() => {
    opened = openMigratedDb();
    db = opened.db;
    clock = new ManualClock();
    calls = [];
    fail = false;
  });
  afterEach(() => {
    opened.close();
  });

  function scheduler(onDidChange?: () => void): SyncScheduler {
    const job = (name: string) => async () => {
      calls.push(`${name}@${clock.now()}`);
      if (fail) throw new AppError('ERR_SYNC_UNREACHABLE', { endpoint: '/x', reason: 'ECONNREFUSED' });
    };
    return new SyncScheduler({ db, clock, audit: new AuditLog(db, clock), jobs: { downSync: job('downSync'), outbox: job('outbox'), statusPoll: job('statusPoll'), retention: job('retention') }, ...(onDidChange ? { onDidChange } : {}) });
  }
  /** Resolves on the scheduler's next change notification (a job finished). */
  function nextRun(): { s: SyncScheduler; done: () => Promise<void> } {
    let resolve!: () => void;
    let p = new Promise<void>((r) => (resolve = r));
    const s = scheduler(() => {
      resolve();
      p = new Promise<void>((r) => (resolve = r));
    });
    return { s, done: () => p };
  }

  it("records a person's run (runWith) as the job's last run, re-arms from it, and hands back its result or error", async () => {
    const changes: string[] = [];
    const s = scheduler(() => changes.push('change'));
    const started = s.start();
    clock.advance(5 * 60_000);
    const ranAt = clock.now();
    assert.equal(await s.runWith('outbox', async () => 'summary'), 'summary');
    const outbox = () => s.status().find((j) => j.job === 'outbox')!;
    assert.deepEqual([outbox().lastRunAt, outbox().lastOk, outbox().nextRunAt, changes.length], [ranAt, true, ranAt + 15 * 60_000, 1]);
    assert.deepEqual(calls, [], "the job's own work did not run");

    clock.advance(60_000);
    const refusal = new AppError('ERR_SYNC_UNREACHABLE', { endpoint: '/x', reason: 'ECONNREFUSED' });
    await assert.rejects(s.runWith('outbox', async () => Promise.reject(refusal)), (err) => err === refusal);
    assert.deepEqual([outbox().lastRunAt, outbox().lastOk, outbox().lastErrorCode], [clock.now(), false, 'ERR_SYNC_UNREACHABLE']);

    // a bug (not an AppError) is the caller's, and no run is recorded for it
    const before = outbox().lastRunAt;
    clock.advance(60_000);
    await assert.rejects(s.runWith('outbox', async () => Promise.reject(new TypeError('bug'))), TypeError);
    assert.equal(outbox().lastRunAt, before);
    started.dispose();
  });

  it('runs a job every N minutes on the injected clock and shows last and next run', async () => {
    const { s, done } = nextRun();
    const t0 = clock.now();
    const started = s.start();
    assert.equal(s.status().find((j) => j.job === 'outbox')?.nextRunAt, t0 + 15 * 60_000);
    const finished = done();
    clock.advance(15 * 60_000);
    await finished;
    assert.deepEqual(calls, [`outbox@${t0 + 15 * 60_000}`]);
    const outbox = s.status().find((j) => j.job === 'outbox')!;
    assert.deepEqual([outbox.lastRunAt, outbox.lastOk, outbox.nextRunAt], [t0 + 15 * 60_000, true, t0 + 30 * 60_000]);
    started.dispose();
    assert.equal(clock.pendingTimers, 0, 'dispose cancels every timer');
  });

  it('persists an edited schedule and re-arms the job; a disabled job never runs', async () => {
    const s = scheduler();
    const started = s.start();
    s.setSchedule({ job: 'outbox', enabled: true, everyMinutes: 5 }, 'supervisor1');
    s.setSchedule({ job: 'statusPoll', enabled: false, everyMinutes: 60 }, 'supervisor1');
    assert.equal(scheduler().schedule().find((j) => j.job === 'outbox')?.everyMinutes, 5, 'read back by a new instance');
    assert.equal(s.status().find((j) => j.job === 'statusPoll')?.nextRunAt, null);
    assert.throws(() => s.setSchedule({ job: 'outbox', enabled: true, everyMinutes: 0 }, null));
    started.dispose();
  });

  it('records a failed run with its code and keeps the schedule going', async () => {
    fail = true;
    const s = scheduler();
    await s.runNow('downSync');
    const d = s.status().find((j) => j.job === 'downSync')!;
    assert.deepEqual([d.lastOk, d.lastErrorCode], [false, 'ERR_SYNC_UNREACHABLE']);
  });
});
