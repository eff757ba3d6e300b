import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog, hashAuditRow } from '../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../electron/services/db/Database';
import { useMigratedDb } from '../../../../helpers/migratedDb';
import { tamperAuditLog } from '../../../../helpers/tamperAuditLog';

describe('AuditLog', () => {
  const opened = useMigratedDb();
  let db: DB;
  let audit: AuditLog;

  beforeEach(() => {
    db = opened.db;
    audit = new AuditLog(db, new ManualClock());
    audit.append('LOGIN_SUCCESS', 'officer1', { roles: ['REGISTRATION_OFFICER'] });
    audit.append('LOGIN_FAILED', 'officer2', { reason: 'wrong-password' });
    audit.append('LOGOUT', 'officer1');
  });

  const tamper = (sql: string) => tamperAuditLog(db, sql);

  it('chains each entry to the previous one', () => {
    const [third, second, first] = audit.recent(3);
    assert.equal(first!.prevHash, '0'.repeat(64));
    assert.equal(second!.prevHash, first!.hash);
    assert.equal(third!.prevHash, second!.hash);
    assert.deepEqual(audit.verify(), { ok: true, entries: 3, problem: null });
  });

  it('detects an edited entry', () => {
    tamper(`UPDATE audit_log SET details = '{"reason":"ok"}' WHERE seq = 2`);
    assert.deepEqual(audit.verify().problem, { seq: 2, reason: 'entry 2 was modified after it was written' });
  });

  it('detects an edited entry whose own hash was recomputed', () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Parameters<typeof hashAuditRow>[0];
    const forged = { ...row, actor: 'someone-else' };
    tamper(`UPDATE audit_log SET actor = 'someone-else', hash = '${hashAuditRow(forged)}' WHERE seq = 2`);
    assert.deepEqual(audit.verify().problem, { seq: 3, reason: 'entry 3 does not link to entry 2' });
  });

  it('detects a deleted entry in the middle', () => {
    tamper('DELETE FROM audit_log WHERE seq = 2');
    assert.deepEqual(audit.verify().problem, { seq: 2, reason: 'entry 2 is missing (next entry found is 3)' });
  });

  it('detects deleted entries at the end', () => {
    tamper('DELETE FROM audit_log WHERE seq = 3');
    const result = audit.verify();
    assert.equal(result.ok, false);
    assert.match(result.problem!.reason, /entries were deleted/);
  });

  // Each column is part of the hashed material: an edit to any one of them alone is caught.
  for (const [column, value] of [['at', '12345'], ['event', "'LOGIN_SUCCESS'"], ['actor', "'officer9'"], ['details', `'{"reason":"ok"}'`]] as const) {
    it(`detects an edited ${column}`, () => {
      tamper(`UPDATE audit_log SET ${column} = ${value} WHERE seq = 2`);
      assert.deepEqual(audit.verify().problem, { seq: 2, reason: 'entry 2 was modified after it was written' });
    });
  }

  it("detects an edit whose hash and the next entry's link were both rewritten (the link is hashed too)", () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Parameters<typeof hashAuditRow>[0];
    const forged = hashAuditRow({ ...row, actor: 'someone-else' });
    tamper(`UPDATE audit_log SET actor = 'someone-else', hash = '${forged}' WHERE seq = 2; UPDATE audit_log SET prev_hash = '${forged}' WHERE seq = 3`);
    assert.deepEqual(audit.verify().problem, { seq: 3, reason: 'entry 3 was modified after it was written' });
  });

  it('detects the last entry rewritten with its hash recomputed (the head anchor)', () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Parameters<typeof hashAuditRow>[0];
    tamper(`UPDATE audit_log SET actor = 'someone-else', hash = '${hashAuditRow({ ...row, actor: 'someone-else' })}' WHERE seq = 3`);
    assert.deepEqual(audit.verify().problem, { seq: 3, reason: 'entry 3 does not match the recorded head of the log' });
  });

  it('detects a removed head anchor', () => {
    db.exec("DELETE FROM meta WHERE key = 'audit.head'");
    assert.deepEqual(audit.verify().problem, { seq: 3, reason: 'the recorded head of the log is missing' });
  });

  it('keeps working after verification', () => {
    audit.append('AUDIT_VERIFIED', 'supervisor1', { ok: true });
    assert.equal(audit.verify().entries, 4);
  });
});
