import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { SyncScheduler } from '../../../electron/services/sync/SyncScheduler';
import { serverJobSchedules } from '../../../electron/services/sync/serverJobSchedules';
import { admin, makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';

// MOSIP's own rows (admin-services db_scripts mosip_master/dml/master-sync_job_def.csv), with the
// upload job moved to every 30 minutes as a deployment would configure it.
const SYNC_JOB_DEF = [
  { id: 'MDS_J00001', name: 'Master Data Sync', apiName: 'masterSyncJob', parentSyncJobId: null, syncFreq: '0 0 11 * * ?', lockDuration: null, langCode: 'eng', isActive: true },
  { id: 'RPS_J00006', name: 'Registration Packet Status Reader', apiName: 'packetSyncStatusJob', parentSyncJobId: null, syncFreq: '0 0 11 * * ?', lockDuration: null, langCode: 'eng', isActive: true },
  { id: 'PUJ_J00017', name: 'Registration Packet Upload Job', apiName: 'registrationPacketUploadJob', parentSyncJobId: null, syncFreq: '0 0/30 * * * ?', lockDuration: null, langCode: 'eng', isActive: true },
  { id: 'RDJ_J00010', name: 'Registration Packet Deletion Job', apiName: 'registrationDeletionJob', parentSyncJobId: null, syncFreq: '0 0 11 * * ?', lockDuration: null, langCode: 'eng', isActive: false },
];

describe('job schedules from the server (SyncJobDef in v2/clientsettings)', () => {
  let bed: SimBed;
  let client: ClientBed;
  before(async () => {
    bed = await startSimBed();
  });
  after(async () => bed.close());
  afterEach(() => client.close());

  it('a down-sync brings MOSIP cron schedules that the scheduler then follows offline', async () => {
    await admin(bed.sim, 'masterdata', { entityName: 'SyncJobDef', rows: SYNC_JOB_DEF });
    client = makeClient(bed);
    await client.service.login('supervisor1', 'Supervisor#2026');
    const summary = await client.service.downSync();
    assert.ok(summary.jobs.every((j) => j.ok), JSON.stringify(summary.jobs));
    await bed.sim.kill(); // offline from here on: the schedule comes from the local database alone
    const noop = async () => undefined;
    const scheduler = new SyncScheduler({ db: client.db, clock: bed.clock, audit: new AuditLog(client.db, bed.clock), jobs: { downSync: noop, outbox: noop, statusPoll: noop, retention: noop }, serverSchedule: () => serverJobSchedules(client.db) });
    const started = scheduler.start();
    const byJob = Object.fromEntries(scheduler.status().map((j) => [j.job, j]));
    assert.deepEqual([byJob['outbox']!.source, byJob['outbox']!.cron, byJob['outbox']!.cronWords!['por']], ['server', '0 0/30 * * * ?', 'A cada 30 minutos']);
    assert.deepEqual([byJob['downSync']!.cron, byJob['downSync']!.cronWords!['por']], ['0 0 11 * * ?', 'Às 11:00']);
    assert.deepEqual([byJob['retention']!.source, byJob['retention']!.enabled], ['server', false]);
    const half = 30 * 60_000;
    assert.equal(byJob['outbox']!.nextRunAt, Math.floor(bed.clock.now() / half) * half + half);
    started.dispose();
  });
});
