import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { syncApi } from '../../../schemas/api/syncApi';
import type { SessionInfo } from '../../../schemas/operators';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { AuthService } from '../../../electron/services/auth/AuthService';
import { syncHandlers, type SyncHandlerDeps } from '../../../electron/host/handlers/syncHandlers';
import type { SessionHandlerContext } from '../../../electron/host/Handlers';
import { PacketApprovalService } from '../../../electron/services/sync/approval/PacketApprovalService';
import { OfflineLimitsService } from '../../../electron/services/sync/outbox/OfflineLimitsService';
import { PacketExportService } from '../../../electron/services/sync/outbox/PacketExportService';
import { RetentionService } from '../../../electron/services/sync/outbox/RetentionService';
import { SyncScheduler } from '../../../electron/services/sync/SyncScheduler';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';
import { makeOutbox, seedPackets } from './outboxBed';

describe('sync area handlers', () => {
  let bed: SimBed;
  let client: ClientBed;
  let handlers: ReturnType<typeof syncHandlers>;
  let deps: SyncHandlerDeps;
  before(async () => {
    bed = await startSimBed();
    client = makeClient(bed);
    await client.service.login('officer1', 'Officer#2026');
    await client.service.downSync();
    const { db } = client;
    const clock = bed.clock;
    const audit = new AuditLog(db, clock);
    const auth = new AuthService({ db, audit, clock });
    await auth.createOperator({ userId: 'sup2', name: 'S', roles: ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER'], password: 'Supervisor#2026', language: 'por' }, null);
    await auth.createOperator({ userId: 'off2', name: 'O', roles: ['REGISTRATION_OFFICER'], password: 'Officer#2026', language: 'por' }, null);
    const outbox = makeOutbox(client, bed.sim, clock);
    deps = {
      auth,
      approval: new PacketApprovalService({ db, audit, clock }),
      outbox,
      scheduler: new SyncScheduler({ db, clock, audit, jobs: { downSync: async () => undefined, outbox: () => outbox.run(), statusPoll: () => outbox.pollStatuses(), retention: async () => undefined } }),
      exporter: new PacketExportService({ db, audit, clock, packetsDir: join(client.dataDir, 'packets'), machineKey: bed.machineKey, centreId: '10001', machineId: '10002' }),
      limits: new OfflineLimitsService({ db, clock, dataDir: client.dataDir }),
      retention: new RetentionService({ db, audit, clock, packetsDir: join(client.dataDir, 'packets') }),
      removableDrives: async () => [],
    };
    handlers = syncHandlers(deps);
  });
  after(async () => {
    client.close();
    await bed.close();
  });

  const ctx = (userId: string, roles: SessionInfo['roles']): SessionHandlerContext => ({
    connectionId: 'c1',
    sink: () => undefined,
    signal: new AbortController().signal,
    session: { userId, name: userId, roles, language: 'por', loggedInAt: 0, idleWarningSeconds: 60, idleLogoutSeconds: 120 },
  });

  it('implements every method of syncApi', () => {
    assert.deepEqual(Object.keys(handlers).sort(), Object.keys(syncApi).sort());
  });

  it('re-checks the supervisor password and role before a decision, then syncs on demand', async () => {
    const rids = await seedPackets({ db: client.db, dataDir: client.dataDir, sim: bed.sim, machineKey: bed.machineKey, now: bed.clock.now(), count: 2 });
    await rejectsWithCode(handlers['packets.approve']({ ids: rids, password: 'wrong' }, ctx('sup2', ['REGISTRATION_SUPERVISOR'])), 'ERR_AUTH_WRONG_PASSWORD');
    // A session claiming the role is not enough: the operator's stored roles decide.
    await rejectsWithCode(handlers['packets.approve']({ ids: rids, password: 'Officer#2026' }, ctx('off2', ['REGISTRATION_SUPERVISOR'])), 'ERR_SYNC_NOT_SUPERVISOR', { userId: 'off2' });
    const decided = await handlers['packets.reject']({ ids: [rids[0]!], reasonCode: 'DMD', password: 'Supervisor#2026' }, ctx('sup2', ['REGISTRATION_SUPERVISOR']));
    assert.deepEqual(decided.map((i) => [i.rid, i.supervisorStatus, i.reasonCode]), [[rids[0], 'REJECTED', 'DMD']]);
    await handlers['packets.approve']({ ids: [rids[1]!], password: 'Supervisor#2026' }, ctx('sup2', ['REGISTRATION_SUPERVISOR']));
    const run = await handlers['sync.now']({}, ctx('off2', ['REGISTRATION_OFFICER']));
    assert.deepEqual(run.uploaded.sort(), [...rids].sort());
    const listed = await handlers['packets.list']({ state: 'UPLOADED' }, ctx('off2', ['REGISTRATION_OFFICER']));
    assert.deepEqual(listed.items.map((i) => i.rid), rids);
    assert.deepEqual([listed.total, listed.nextCursor], [rids.length, null]);
  });

  it('offers the mounted USB drives, and the OS folder picker only where the host has one', async () => {
    const sup = ctx('sup2', ['REGISTRATION_SUPERVISOR']);
    assert.deepEqual(await handlers['sync.exportTargets']({}, sup), { drives: [], canPickFolder: false });
    await rejectsWithCode(handlers['sync.pickExportFolder']({}, sup), 'ERR_SYNC_FOLDER_PICKER_UNAVAILABLE');
    const drive = { path: '/media/ana/KINGSTON', label: 'KINGSTON', freeBytes: 31_000_000_000, totalBytes: 32_000_000_000 };
    const picks: Array<string | undefined> = ['/media/ana/KINGSTON/centro', undefined];
    const desktop = syncHandlers({ ...deps, removableDrives: async () => [drive], pickFolder: async () => picks.shift() });
    assert.deepEqual(await desktop['sync.exportTargets']({}, sup), { drives: [drive], canPickFolder: true });
    assert.deepEqual(await desktop['sync.pickExportFolder']({}, sup), { dir: '/media/ana/KINGSTON/centro' });
    assert.deepEqual(await desktop['sync.pickExportFolder']({}, sup), { dir: null }, 'cancelled');
  });

  it('shows the schedule and limits, and edits the schedule', async () => {
    const status = await handlers['sync.status']({}, ctx('off2', ['REGISTRATION_OFFICER']));
    assert.deepEqual(status.jobs.map((j) => [j.job, j.everyMinutes]), [['downSync', 360], ['outbox', 15], ['statusPoll', 60], ['retention', 1440]]);
    assert.deepEqual(status.limits.map((l) => l.state), ['ok', 'ok', 'ok', 'ok', 'ok']);
    const jobs = await handlers['sync.setSchedule']({ job: 'outbox', enabled: true, everyMinutes: 30 }, ctx('sup2', ['REGISTRATION_SUPERVISOR']));
    assert.equal(jobs.find((j) => j.job === 'outbox')?.everyMinutes, 30);
  });
});
