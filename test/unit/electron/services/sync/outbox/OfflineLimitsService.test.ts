import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DB } from '../../../../../../electron/services/db/Database';
import { migrate } from '../../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { patchOutbox } from '../../../../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { replaceConfig } from '../../../../../../electron/services/db/repos/syncConfig';
import { OfflineLimitsService } from '../../../../../../electron/services/sync/outbox/OfflineLimitsService';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import { throwsWithCode } from '../../../../../helpers/assertAppError';
import { makeTempDir } from '../../../../../helpers/tempDir';

const DAY = 86_400_000;

describe('OfflineLimitsService', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  let clock: ManualClock;
  let free: number;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
    clock = new ManualClock();
    free = 10_000 * 1024 * 1024;
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  const limits = () => new OfflineLimitsService({ db, clock, dataDir: temp.path, freeBytes: () => free });
  function addPackets(count: number, at: number, state?: 'READY' | 'UPLOADED'): void {
    for (let i = 0; i < count; i++) {
      const id = `p-${at}-${i}`;
      insertPacketWithJob(db, { packet_id: id, rid: `r-${at}-${i}`, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${id}.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: at });
      if (state === 'READY') patchOutbox(db, id, 'PENDING', { state: 'READY' }, at);
      if (state === 'UPLOADED') patchOutbox(db, id, 'PENDING', { state: 'UPLOADED', uploadedAt: at }, at);
    }
  }
  const byName = () => Object.fromEntries(limits().check().map((l) => [l.limit, [l.state, l.value, l.threshold]]));

  it('reports every limit ok with its numbers on a fresh machine', () => {
    assert.deepEqual(byName(), {
      pendingApprovals: ['ok', 0, 100],
      approvalAgeDays: ['ok', 0, 50],
      unsyncedPackets: ['ok', 0, 70],
      daysSinceLastSync: ['ok', 0, 100],
      freeDiskMb: ['ok', 10_000, 5],
    });
    limits().assertCanRegister();
  });

  it('says near at 80 % and hit at the synced limit, with the code that tells the operator what to do', () => {
    replaceConfig(db, 'registration', { 'mosip.registration.reg_pak_max_cnt_apprv_limit': '10' }, clock.now());
    addPackets(8, clock.now());
    assert.deepEqual(byName()['pendingApprovals'], ['near', 8, 10]);
    limits().assertCanRegister();
    addPackets(2, clock.now() + 1);
    throwsWithCode(() => limits().assertCanRegister(), 'ERR_SYNC_LIMIT_PENDING_APPROVALS', { count: 10, max: 10 });
  });

  it('counts days since packets last left the machine, and the age of the oldest unapproved packet', () => {
    addPackets(1, clock.now() - 30 * DAY, 'UPLOADED');
    addPackets(1, clock.now() - 60 * DAY);
    const b = byName();
    assert.deepEqual([b['daysSinceLastSync'], b['approvalAgeDays']], [['ok', 30, 100], ['hit', 60, 50]]);
    throwsWithCode(() => limits().assertCanRegister(), 'ERR_SYNC_LIMIT_APPROVAL_AGE', { days: 60, max: 50 });
  });

  it('hits the unsynced count and the disk floor', () => {
    addPackets(70, clock.now(), 'READY');
    throwsWithCode(() => limits().assertCanRegister(), 'ERR_SYNC_LIMIT_UNSYNCED', { count: 70, max: 70 });
    free = 3 * 1024 * 1024;
    assert.deepEqual(byName()['freeDiskMb'], ['hit', 3, 5]);
  });

  it("refuses new registrations below the supervisor's free-space floor; the synced value only raises it", () => {
    const MB = 1024 * 1024;
    const floored = () => new OfflineLimitsService({ db, clock, dataDir: temp.path, freeBytes: () => free, minFreeDiskMb: () => 500 });
    free = 499 * MB;
    throwsWithCode(() => floored().assertCanRegister(), 'ERR_SYNC_LIMIT_DISK_SPACE', { freeMb: 499, minMb: 500 });
    free = 999 * MB;
    assert.equal(floored().check().find((l) => l.limit === 'freeDiskMb')?.state, 'near', 'less than twice the floor left');
    floored().assertCanRegister();
    replaceConfig(db, 'registration', { 'mosip.registration.disk_space_size': '1000' }, clock.now());
    throwsWithCode(() => floored().assertCanRegister(), 'ERR_SYNC_LIMIT_DISK_SPACE', { freeMb: 999, minMb: 1000 });
    replaceConfig(db, 'registration', { 'mosip.registration.disk_space_size': '5' }, clock.now());
    free = 499 * MB;
    throwsWithCode(() => floored().assertCanRegister(), 'ERR_SYNC_LIMIT_DISK_SPACE', { freeMb: 499, minMb: 500 });
  });
});
