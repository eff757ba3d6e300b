import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { migrate } from '../../../../../../electron/services/db/migrations';
import { getOperator, insertOperator } from '../../../../../../electron/services/db/repos/operators';
import { applySyncedOperators, type SyncedOperator } from '../../../../../../electron/services/db/repos/syncedOperators';
import { applyMasterDataRows, listMasterData } from '../../../../../../electron/services/db/repos/masterData';

const user = (userId: string, over: Partial<SyncedOperator> = {}): SyncedOperator => ({
  userId,
  name: `Name ${userId}`,
  langCode: 'por',
  isActive: true,
  regCenterId: '10001',
  roles: ['REGISTRATION_OFFICER'],
  ...over,
});

describe('sync repositories', () => {
  let dir: string;
  let db: DB;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncrepo-'));
    db = openDatabase(join(dir, 't.db'), randomBytes(32));
    migrate(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts new operators without a password and never overwrites a local hash', () => {
    insertOperator(db, { userId: 'a', name: 'Local', roles: ['Default'], passwordHash: 'hash-a', language: 'eng' }, 1);
    assert.deepEqual(applySyncedOperators(db, [user('a', { roles: ['REGISTRATION_SUPERVISOR', 'SOME_OTHER_APP_ROLE'] }), user('b')], 10), { inserted: 1, updated: 1, deactivated: 0 });
    const a = getOperator(db, 'a')!;
    assert.deepEqual([a.passwordHash, a.roles, a.name, a.language], ['hash-a', ['REGISTRATION_SUPERVISOR'], 'Name a', 'eng']);
    const b = getOperator(db, 'b')!;
    assert.deepEqual([b.passwordHash, b.roles, b.isActive], [undefined, ['REGISTRATION_OFFICER'], true]);
  });

  it('keeps local roles when the server sends none, and deactivates only synced operators it no longer lists', () => {
    insertOperator(db, { userId: 'local', name: 'L', roles: ['REGISTRATION_SUPERVISOR'], passwordHash: 'h', language: 'por' }, 1);
    applySyncedOperators(db, [user('a'), user('b')], 10);
    assert.deepEqual(applySyncedOperators(db, [user('a', { roles: undefined })], 20), { inserted: 0, updated: 1, deactivated: 1 });
    assert.deepEqual(getOperator(db, 'a')?.roles, ['REGISTRATION_OFFICER']);
    assert.equal(getOperator(db, 'b')?.isActive, false);
    assert.equal(getOperator(db, 'local')?.isActive, true);
  });

  it('upserts master data by key and removes rows marked deleted', () => {
    const row = (name: string, deleted = false) => ({ rowKey: 'APM|CLR', langCode: 'por', isActive: true, deleted, data: { code: 'APM', name } });
    assert.deepEqual(applyMasterDataRows(db, 'ReasonList', [row('one')], 1), { upserted: 1, removed: 0 });
    applyMasterDataRows(db, 'ReasonList', [row('two')], 2);
    assert.deepEqual(listMasterData(db, 'ReasonList').map((r) => r.data['name']), ['two']);
    assert.deepEqual(applyMasterDataRows(db, 'ReasonList', [row('two', true)], 3), { upserted: 0, removed: 1 });
    assert.deepEqual(listMasterData(db, 'ReasonList'), []);
  });
});
