import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import { useMigratedDb } from '../../../../helpers/migratedDb';
import { tamperAuditLog } from '../../../../helpers/tamperAuditLog';

/** 25 entries in slices of 4: 7 slices, 6 turns given back to the event loop between them when every slice is over the time budget. */
const ENTRIES = 25;
const SLICE = 4;

describe('AuditLog.verifyInSlices (the app verifies without holding its main thread)', () => {
  const opened = useMigratedDb();
  let audit: AuditLog;
  let turns: number;
  const yieldTurn = async () => {
    turns++;
  };
  const tamper = (sql: string) => tamperAuditLog(opened.db, sql);

  beforeEach(() => {
    audit = new AuditLog(opened.db, new ManualClock(), { key: randomBytes(32), anchorPath: join(opened.dir, 'audit-anchor.json') });
    for (let i = 0; i < ENTRIES; i++) audit.append(i % 2 ? 'LOGIN_SUCCESS' : 'LOGOUT', `officer${i}`, { i });
    turns = 0;
  });

  it('gives no turn while the work stays under the time budget', async () => {
    assert.deepEqual(await audit.verifyInSlices({ yieldTurn, sliceRows: SLICE, yieldAfterMs: 60_000 }), { ok: true, entries: ENTRIES, problem: null });
    assert.equal(turns, 0);
  });

  it('walks every entry, one slice per turn, and finds the chain intact', async () => {
    assert.deepEqual(await audit.verifyInSlices({ yieldTurn, sliceRows: SLICE, yieldAfterMs: 0 }), { ok: true, entries: ENTRIES, problem: null });
    assert.equal(turns, Math.floor(ENTRIES / SLICE));
  });

  it('walks a log of exactly whole slices to its end', async () => {
    audit.append('LOGOUT', 'officer1');
    assert.deepEqual(await audit.verifyInSlices({ yieldTurn, sliceRows: 2, yieldAfterMs: 0 }), { ok: true, entries: ENTRIES + 1, problem: null });
  });

  it('finds an edited entry in a later slice, as verify does', async () => {
    tamper(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 18`);
    const sliced = await audit.verifyInSlices({ yieldTurn, sliceRows: SLICE, yieldAfterMs: 0 });
    assert.deepEqual(sliced.problem, { seq: 18, reason: 'entry 18 was modified after it was written' });
    assert.deepEqual(sliced, audit.verify());
  });

  it('finds an entry missing at a slice boundary', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 9');
    const sliced = await audit.verifyInSlices({ yieldTurn, sliceRows: SLICE, yieldAfterMs: 0 });
    assert.deepEqual(sliced.problem, { seq: 9, reason: 'entry 9 is missing (next entry found is 10)' });
    assert.deepEqual(sliced, audit.verify());
  });

  it('finds the last entries deleted (the recorded head is further)', async () => {
    tamper(`DELETE FROM audit_log WHERE seq > ${ENTRIES - 2}`);
    const sliced = await audit.verifyInSlices({ yieldTurn, sliceRows: SLICE, yieldAfterMs: 0 });
    assert.deepEqual(sliced.problem, { seq: ENTRIES - 1, reason: `the log ends at entry ${ENTRIES - 2} but entry ${ENTRIES} was written: entries were deleted` });
  });

  it('walks an entry appended between two slices instead of calling it a deletion', async () => {
    const appendOnce = async () => {
      if (turns++ === 0) audit.append('LOGOUT', 'officer1');
    };
    assert.deepEqual(await audit.verifyInSlices({ yieldTurn: appendOnce, sliceRows: SLICE, yieldAfterMs: 0 }), { ok: true, entries: ENTRIES + 1, problem: null });
  });
});
