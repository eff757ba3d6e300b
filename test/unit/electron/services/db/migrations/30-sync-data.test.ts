import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { MIGRATIONS, migrate } from '../../../../../../electron/services/db/migrations';
import { insertOperator } from '../../../../../../electron/services/db/repos/operators';

describe('migration 30 sync-data', () => {
  let dir: string;
  let db: DB;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mig30-'));
    db = openDatabase(join(dir, 't.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the sync tables and leaves existing operators untouched', () => {
    migrate(db, MIGRATIONS, 29);
    insertOperator(db, { userId: 'op', name: 'Op', roles: ['REGISTRATION_OFFICER'], passwordHash: 'h', language: 'por' }, 5);
    const before = db.prepare('SELECT * FROM operators').all();
    const result = migrate(db, MIGRATIONS, 30);
    assert.ok(result.applied.includes(30));
    assert.deepEqual(db.prepare('SELECT * FROM operators').all(), before);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['sync_master_data', 'sync_control', 'sync_config', 'sync_certificates', 'ca_certificates', 'id_schemas', 'operator_sync']) {
      assert.ok(tables.includes(t), `${t} exists`);
    }
  });
});
