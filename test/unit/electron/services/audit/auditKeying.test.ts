import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog, hashAuditRow } from '../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { AUDIT_ANCHOR_FILE, AUDIT_KEY_FILE, KEY_DIR, openDataDir } from '../../../../../electron/host/openDataDir';
import { iterateAuditRows } from '../../../../../electron/services/db/repos/audit';
import { makeTempDir } from '../../../../helpers/tempDir';

/** The audit chain keyed with an HMAC from the keystore, and its head anchored outside the database (issue 12). */
describe('keyed audit log', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  const dbKey = randomBytes(32);
  const key = randomBytes(32);
  const clock = new ManualClock();
  const anchorPath = () => join(temp.path, 'audit.head');
  const open = () => {
    db = openDatabase(join(temp.path, 't.db'), dbKey);
    migrate(db);
    return new AuditLog(db, clock, { key, anchorPath: anchorPath() });
  };

  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('verifies, and an attacker who can open the database but lacks the key cannot rewrite an entry and its chain', () => {
    const audit = open();
    for (const event of ['LOGIN_SUCCESS', 'LOGIN_FAILED', 'LOGOUT'] as const) audit.append(event, 'officer1');
    assert.deepEqual(audit.verify(), { ok: true, entries: 3, problem: null });
    // rewrite entry 2 and everything after it with the unkeyed hash, head included: what the old chain allowed
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    let prev = '';
    for (const row of [...iterateAuditRows(db)]) {
      const base = { ...row, actor: row.seq === 2 ? 'someone-else' : row.actor, prev_hash: row.seq === 1 ? row.prev_hash : prev };
      const hash = row.seq === 1 ? row.hash : hashAuditRow(base);
      db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(base.actor, base.prev_hash, hash, row.seq);
      prev = hash;
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'audit.head'").run(JSON.stringify({ seq: 3, hash: prev }));
    assert.deepEqual(audit.verify().problem, { seq: 2, reason: 'entry 2 was modified after it was written' });
  });

  it('detects a database restored from an older copy, by the head recorded outside it', () => {
    let audit = open();
    audit.append('LOGIN_SUCCESS', 'officer1');
    db.close();
    copyFileSync(join(temp.path, 't.db'), join(temp.path, 'old.db'));
    audit = open();
    audit.append('LOGIN_FAILED', 'officer1');
    audit.append('LOGOUT', 'officer1');
    db.close();
    copyFileSync(join(temp.path, 'old.db'), join(temp.path, 't.db')); // the rollback
    audit = open();
    assert.deepEqual(audit.verify().problem, { seq: 2, reason: 'the log outside the database records entry 3, the database ends at 1: it was rolled back to an older copy' });
  });

  it('refuses an anchor file edited without the key', () => {
    const audit = open();
    audit.append('LOGIN_SUCCESS', 'officer1');
    audit.append('LOGOUT', 'officer1');
    const anchor = JSON.parse(readFileSync(anchorPath(), 'utf8')) as { seq: number; hash: string; mac: string };
    writeFileSync(anchorPath(), JSON.stringify({ ...anchor, seq: 1 }));
    assert.equal(audit.verify().problem?.reason, 'the audit anchor outside the database does not verify under the audit key');
  });

  it('accepts an anchor that lags the database (a crash between commit and anchor)', () => {
    const audit = open();
    audit.append('LOGIN_SUCCESS', 'officer1');
    const lagging = readFileSync(anchorPath(), 'utf8');
    audit.append('LOGOUT', 'officer1');
    writeFileSync(anchorPath(), lagging);
    assert.equal(audit.verify().ok, true);
  });

  it('keeps plain entries written before the key, keys the rest, and refuses a writer without the key', () => {
    db = openDatabase(join(temp.path, 't.db'), dbKey);
    migrate(db);
    new AuditLog(db, clock).append('DB_CREATED', null); // an older data dir
    db.close();
    const audit = open();
    audit.append('LOGIN_SUCCESS', 'officer1');
    assert.deepEqual(audit.verify(), { ok: true, entries: 2, problem: null });
    assert.throws(() => new AuditLog(db, clock).append('LOGOUT', 'officer1'), /the audit log is keyed/);
    assert.equal(new AuditLog(db, clock).verify().ok, false, 'verifying without the key cannot vouch for keyed entries');
  });

  it('is keyed in every data dir: the key is wrapped in keys/, the anchor beside the database', () => {
    const dataDir = join(temp.path, 'data');
    const data = openDataDir({ dataDir, env: {} });
    data.audit.append('LOGIN_SUCCESS', 'officer1');
    db = data.db;
    assert.ok(existsSync(join(dataDir, KEY_DIR, AUDIT_KEY_FILE)));
    assert.equal((JSON.parse(readFileSync(join(dataDir, AUDIT_ANCHOR_FILE), 'utf8')) as { seq: number }).seq, data.audit.verify().entries);
    assert.throws(() => new AuditLog(data.db, clock).append('LOGOUT', 'officer1'), /keyed/);
  });
});
