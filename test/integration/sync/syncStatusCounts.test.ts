import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { patchOutbox } from '../../../electron/services/db/repos/outbox';
import { ManualClock } from '../../../native/time/ManualClock';
import { buildSamplePacket } from '../../helpers/buildSamplePacket';
import { makeTestPki } from '../../helpers/packetKeys';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';

const SUPERVISOR = { userId: 'supervisor1', roles: ['REGISTRATION_SUPERVISOR'] };

describe('sync.status counts in SQL what it used to list (issue 17)', () => {
  let backEnd: RealBackEnd;
  beforeEach(async () => {
    const clock = new ManualClock();
    backEnd = await openRealBackEnd(undefined, makeTestPki(clock.now()), {}, clock);
  });
  afterEach(() => backEnd.close());

  it('gives the parked count and the earliest retry among packets on their way out, ignoring those waiting for approval', async () => {
    const { services, clock } = backEnd;
    const db = services.data.db;
    const status = async () => {
      const { parked, nextAttemptAt } = await backEnd.api['sync.status']({});
      return { parked, nextAttemptAt };
    };
    assert.deepEqual(await status(), { parked: 0, nextAttemptAt: null }, 'an empty outbox');
    const [a, b, c] = [await buildSamplePacket(services, 'a'), await buildSamplePacket(services, 'b'), await buildSamplePacket(services, 'c')];
    assert.deepEqual(await status(), { parked: 0, nextAttemptAt: null }, 'waiting for approval is not on the way out');
    services.sync.approval.decide(SUPERVISOR, 'approve', { ids: [a.packetId, b.packetId] });
    const now = clock.now();
    patchOutbox(db, a.packetId, 'READY', { state: 'SYNCED', nextAttemptAt: now + 60_000 }, now);
    patchOutbox(db, b.packetId, 'READY', { state: 'UPLOADED', nextAttemptAt: now + 30_000 }, now);
    assert.deepEqual(await status(), { parked: 0, nextAttemptAt: now + 30_000 });
    patchOutbox(db, b.packetId, 'UPLOADED', { state: 'PARKED', lastErrorCode: 'ERR_SYNC_PACKET_FILE_MISSING', lastErrorDetails: { rid: b.rid } }, now);
    services.sync.approval.decide(SUPERVISOR, 'approve', { ids: [c.packetId] });
    patchOutbox(db, c.packetId, 'READY', { state: 'PARKED', lastErrorCode: 'ERR_SYNC_PACKET_FILE_MISSING', lastErrorDetails: { rid: c.rid } }, now);
    assert.deepEqual(await status(), { parked: 2, nextAttemptAt: now + 60_000 });
  });
});
