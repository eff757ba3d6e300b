import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../electron/services/db/Database';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../../../electron/services/db/migrations';
import type { Migration } from '../../../../../electron/services/db/migrations/Migration';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { throwsWithCode } from '../../../../helpers/assertAppError';
import { makeTempDir } from '../../../../helpers/tempDir';

describe('migrate', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  const version = () => db.pragma('user_version', { simple: true });
  const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('brings a new database to the latest version and is a no-op the second time', () => {
    const first = migrate(db);
    assert.equal(first.from, 0);
    assert.equal(version(), LATEST_SCHEMA_VERSION);
    assert.deepEqual(migrate(db).applied, []);
  });

  it('refuses a database from a newer version without touching it', () => {
    migrate(db);
    db.pragma('user_version = 9990');
    const before = tables();
    throwsWithCode(() => migrate(db), 'ERR_DB_NEWER_VERSION', { found: 9990, supported: LATEST_SCHEMA_VERSION });
    assert.deepEqual(tables(), before);
  });

  it('leaves the database at the previous version when a step fails', () => {
    const steps: Migration[] = [
      { version: 10, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      { version: 20, name: 'b', up: (d) => d.exec('CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1)') },
    ];
    throwsWithCode(() => migrate(db, steps), 'ERR_DB_MIGRATION_FAILED');
    assert.equal(version(), 10);
    assert.deepEqual(tables(), ['a']);
  });

  it('rejects migrations whose versions do not go up', () => {
    const steps: Migration[] = [
      { version: 20, name: 'a', up: () => undefined },
      { version: 10, name: 'b', up: () => undefined },
    ];
    assert.throws(() => migrate(db, steps), /versions must go up/);
  });

  it('makes the audit log append-only at the SQL level', () => {
    migrate(db);
    db.prepare("INSERT INTO audit_log (seq, at, event, actor, details, prev_hash, hash) VALUES (1, 0, 'X', NULL, '{}', 'p', 'h')").run();
    assert.throws(() => db.prepare("UPDATE audit_log SET event = 'Y'").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM audit_log').run(), /append-only/);
  });
});
