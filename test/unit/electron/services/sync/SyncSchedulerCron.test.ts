import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isAppError } from '../../../../../schemas/errors';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../electron/services/db/Database';
import { applyMasterDataRows } from '../../../../../electron/services/db/repos/masterData';
import { SyncScheduler } from '../../../../../electron/services/sync/SyncScheduler';
import { serverJobSchedules } from '../../../../../electron/services/sync/serverJobSchedules';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { openMigratedDb } from '../../../../helpers/migratedDb';

const DAY = 86_400_000;

/** The next 11:00 UTC strictly after `t`, computed by hand (not by the code under test). */
function next11Utc(t: number): number {
  const d = new Date(t);
  const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 11, 0, 0);
  return at > t ? at : at + DAY;
}

// SyncJobDef rows as MOSIP's sync_job_def (admin-services master-sync_job_def.csv) arrive in v2/clientsettings
function putJobDefs(db: DB, rows: readonly Record<string, unknown>[], now: number): void {
  applyMasterDataRows(db, 'SyncJobDef', rows.map((r) => ({ rowKey: String(r['id']), langCode: 'eng', isActive: r['isActive'] !== false, deleted: false, data: r })), now);
}

describe('SyncScheduler with the server cron (SyncJobDef.syncFreq)', () => {
  let opened: ReturnType<typeof openMigratedDb>;
  let db: DB;
  let clock: ManualClock;
  let calls: string[];
  let changed: () => void;
  beforeEach(() => {
    opened = openMigratedDb();
    db = opened.db;
    clock = new ManualClock();
    calls = [];
    changed = () => undefined;
    putJobDefs(db, [
      { id: 'MDS_J00001', name: 'Master Data Sync', apiName: 'masterSyncJob', syncFreq: '0 0 11 * * ?', isActive: true },
      { id: 'RPS_J00006', name: 'Registration Packet Status Reader', apiName: 'packetSyncStatusJob', syncFreq: '0 0 11 * * ?', isActive: false },
      { id: 'PUJ_J00017', name: 'Registration Packet Upload Job', apiName: 'registrationPacketUploadJob', syncFreq: '0 0 11 * * * ?', isActive: true },
    ], clock.now());
  });
  afterEach(() => {
    opened.close();
  });

  function scheduler(): SyncScheduler {
    const job = (name: string) => async () => void calls.push(`${name}@${clock.now()}`);
    return new SyncScheduler({
      db, clock, audit: new AuditLog(db, clock),
      jobs: { downSync: job('downSync'), outbox: job('outbox'), statusPoll: job('statusPoll'), retention: job('retention') },
      onDidChange: () => changed(),
      serverSchedule: () => serverJobSchedules(db),
    });
  }
  /** Resolves on the first change notification after which `job` has run once more. */
  const ranAgain = (job: string) => {
    const before = calls.filter((c) => c.startsWith(`${job}@`)).length;
    return new Promise<void>((resolve) => (changed = () => void (calls.filter((c) => c.startsWith(`${job}@`)).length > before && resolve())));
  };

  it('takes MOSIP cron for downSync, disables an inactive job, ignores an invalid cron, and says it in words', () => {
    const s = scheduler();
    const started = s.start();
    const byJob = Object.fromEntries(s.status().map((j) => [j.job, j]));
    assert.deepEqual([byJob['downSync']!.source, byJob['downSync']!.cron, byJob['downSync']!.nextRunAt], ['server', '0 0 11 * * ?', next11Utc(clock.now())]);
    assert.deepEqual(byJob['downSync']!.cronWords, { por: 'Às 11:00', eng: 'At 11:00', fra: byJob['downSync']!.cronWords!['fra'], ara: byJob['downSync']!.cronWords!['ara'] });
    assert.match(byJob['downSync']!.cronWords!['fra']!, /11:00/);
    assert.deepEqual([byJob['statusPoll']!.source, byJob['statusPoll']!.enabled, byJob['statusPoll']!.nextRunAt], ['server', false, null]);
    assert.deepEqual([byJob['outbox']!.source, byJob['outbox']!.cron], ['default', undefined], 'a cron Quartz refuses is not taken');
    started.dispose();
  });

  it('fires at the cron time on the injected clock, then the next day', async () => {
    const s = scheduler();
    const started = s.start();
    const first = next11Utc(clock.now());
    const ran = ranAgain('downSync');
    clock.advance(first - clock.now());
    await ran;
    assert.deepEqual(calls.filter((c) => c.startsWith('downSync@')), [`downSync@${first}`]);
    assert.equal(s.status().find((j) => j.job === 'downSync')?.nextRunAt, first + DAY);
    started.dispose();
  });

  it('runs a missed trigger at once when it starts again after the machine was off (JobConfigurationServiceImpl.executeMissedTrigger)', async () => {
    const s = scheduler();
    await s.runNow('downSync');
    const off = s.start();
    off.dispose();
    clock.advance(3 * DAY); // switched off: no timers
    const again = scheduler();
    const ran = ranAgain('downSync');
    const on = again.start();
    assert.equal(again.status().find((j) => j.job === 'downSync')?.nextRunAt, clock.now());
    clock.advance(0);
    await ran;
    assert.equal(calls.filter((c) => c.startsWith('downSync@')).at(-1), `downSync@${clock.now()}`);
    on.dispose();
  });

  it("keeps the supervisor's choice over the server's, checks a local cron, and leaves the other jobs on the server", () => {
    const s = scheduler();
    try {
      s.setSchedule({ job: 'downSync', enabled: true, everyMinutes: 60, cron: '0 0 11 * *' }, 'supervisor1');
      assert.fail('a 5-field cron must be refused');
    } catch (err) {
      assert.ok(isAppError(err) && err.is('ERR_SYNC_CRON_INVALID'), String(err));
    }
    assert.equal(s.schedule().find((j) => j.job === 'downSync')?.source, 'server', 'nothing saved');
    s.setSchedule({ job: 'outbox', enabled: true, everyMinutes: 5 }, 'supervisor1');
    s.setSchedule({ job: 'downSync', enabled: true, everyMinutes: 60, cron: '0 30 7 ? * 2-6' }, 'supervisor1');
    const byJob = Object.fromEntries(scheduler().status().map((j) => [j.job, j]));
    assert.deepEqual([byJob['downSync']!.source, byJob['downSync']!.cronWords!['por']], ['local', 'Às 07:30, de segunda-feira a sexta-feira']);
    assert.deepEqual([byJob['outbox']!.source, byJob['outbox']!.everyMinutes], ['local', 5]);
    assert.equal(byJob['statusPoll']!.source, 'server');
  });
});
