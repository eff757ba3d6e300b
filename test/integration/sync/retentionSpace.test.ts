import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { patchOutbox } from '../../../electron/services/db/repos/outbox';
import { buildSamplePacket } from '../../helpers/buildSamplePacket';
import { ManualClock } from '../../../native/time/ManualClock';
import { makeTestPki } from '../../helpers/packetKeys';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';

const DAY = 86_400_000;
const SUPERVISOR = { userId: 'supervisor1', roles: ['REGISTRATION_SUPERVISOR'] };

describe('what retention will free (sync.retentionSpace, issue 17)', () => {
  let backEnd: RealBackEnd;
  beforeEach(async () => {
    const clock = new ManualClock();
    backEnd = await openRealBackEnd(undefined, makeTestPki(clock.now()), {}, clock);
  });
  afterEach(() => backEnd.close());

  /** A packet uploaded and given `serverStatus` by the server `ago` ms before now. */
  async function packetWithStatus(name: string, serverStatus: string, ago: number): Promise<{ rid: string; size: number; file: string }> {
    const { services, clock } = backEnd;
    const built = await buildSamplePacket(services, name);
    services.sync.approval.decide(SUPERVISOR, 'approve', { ids: [built.packetId] });
    const at = clock.now() - ago;
    patchOutbox(services.data.db, built.packetId, 'READY', { state: 'DONE', uploadedAt: at, serverStatus, serverStatusAt: at }, clock.now());
    return { rid: built.rid, size: built.size, file: built.file };
  }

  it('counts the processed files past retention as due, the newer ones as later, and never a rejected one', async () => {
    const old = await packetWithStatus('old', 'PROCESSED', 2 * DAY);
    const recent = await packetWithStatus('recent', 'PROCESSED', DAY / 2);
    await packetWithStatus('rejected', 'REJECTED', 3 * DAY);
    await buildSamplePacket(backEnd.services, 'waiting');
    assert.equal(statSync(old.file).size, old.size, 'the size counted is the file on disk');
    assert.deepEqual(await backEnd.api['sync.retentionSpace']({}), { days: 1, due: { files: 1, bytes: old.size }, later: { files: 1, bytes: recent.size } });

    assert.deepEqual(await backEnd.services.sync.retention.run(), [old.rid], 'the run frees what was shown as due');
    assert.deepEqual(await backEnd.api['sync.retentionSpace']({}), { days: 1, due: { files: 0, bytes: 0 }, later: { files: 1, bytes: recent.size } });

    backEnd.clock.advance(DAY);
    assert.deepEqual(backEnd.services.sync.retention.space(), { days: 1, due: { files: 1, bytes: recent.size }, later: { files: 0, bytes: 0 } });
  });
});
