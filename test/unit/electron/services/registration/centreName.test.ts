import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DB } from '../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { migrate } from '../../../../../electron/services/db/migrations';
import { applyMasterDataRows } from '../../../../../electron/services/db/repos/masterData';
import { centreName } from '../../../../../electron/services/registration/centreName';
import { makeTempDir } from '../../../../helpers/tempDir';

describe('centreName', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  const centre = (id: string, langCode: string, name: string, isActive = true) => ({ rowKey: id, langCode, isActive, deleted: false, data: { id, name, langCode, isActive } });

  it('names the centre in the receipt language, else in the language the server sent, else by its id', () => {
    assert.equal(centreName(db, '10001', 'por'), '10001', 'nothing synced yet');
    applyMasterDataRows(db, 'RegistrationCenter', [centre('10001', 'por', 'Centro de Registo Água Grande'), centre('10001', 'eng', 'Água Grande Registration Centre'), centre('10009', 'por', 'Centro de Registo Lembá')], 1);
    assert.equal(centreName(db, '10001', 'eng'), 'Água Grande Registration Centre');
    assert.equal(centreName(db, '10001', 'por'), 'Centro de Registo Água Grande');
    assert.equal(centreName(db, '10001', 'fra'), 'Água Grande Registration Centre', 'a language the server sent (eng before por)');
    assert.equal(centreName(db, '10002', 'por'), '10002');
  });

  it('ignores a deactivated centre row', () => {
    applyMasterDataRows(db, 'RegistrationCenter', [centre('10001', 'por', 'Old name', false)], 1);
    assert.equal(centreName(db, '10001', 'por'), '10001');
  });
});
