import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { putIdSchema } from '../../../../../electron/services/db/repos/idSchemas';
import { applyMasterDataRows } from '../../../../../electron/services/db/repos/masterData';
import { FormBundleService } from '../../../../../electron/services/registration/FormBundleService';
import { masterDataRowKey } from '../../../../../electron/services/sync/masterDataKeys';
import { loadStpIdSchema, loadStpMasterData, loadStpProcessSpec } from '../../../../../schemas/data/stpDemoSpecs';

describe('FormBundleService master data', () => {
  let dir: string;
  let db: DB;
  let service: FormBundleService;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'form-bundle-'));
    db = openDatabase(join(dir, 't.db'), randomBytes(32));
    migrate(db);
    service = new FormBundleService({ db });
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Stores rows as the down-sync does (same keys, language, isActive). */
  function sync(entity: string, rows: Record<string, unknown>[]): void {
    applyMasterDataRows(db, entity, rows.map((r) => ({ rowKey: masterDataRowKey(entity, r), langCode: String(r['langCode'] ?? ''), isActive: r['isActive'] !== false, deleted: false, data: r })), 1);
  }

  function syncSpecs(): void {
    const schemaJson = JSON.stringify(loadStpIdSchema());
    putIdSchema(db, { idVersion: 0.2, schemaJson, responseJson: JSON.stringify({ schemaJson, newProcess: loadStpProcessSpec('NEW') }), effectiveFrom: undefined }, 1);
  }

  it('gives the demo specs the demo master data until anything is synced', () => {
    const { bundle, source } = service.current();
    const demo = loadStpMasterData();
    assert.equal(source, 'demo');
    assert.deepEqual([bundle.masterData.dynamicFields, bundle.masterData.documentCategories, bundle.masterData.templates], [demo.dynamicFields, demo.documentCategories, demo.templates]);
  });

  it('replaces each group by the server\'s rows once synced, under the demo specs too', () => {
    sync('DynamicField', [{ id: 'g-por', name: 'gender', langCode: 'por', isActive: true, fieldVal: [{ code: 'FEM', value: 'Feminino' }] }]);
    sync('DocumentCategory', [{ code: 'POI', name: 'Prova de identidade', langCode: 'por', isActive: true }]);
    sync('DocumentType', [{ code: 'DOC001', name: 'Bilhete de identidade', langCode: 'por', isActive: true }]);
    sync('ApplicantValidDocument', [{ appTypeCode: '008', docCatCode: 'POI', docTypeCode: 'DOC001', langCode: 'por', isActive: true }]);
    sync('Template', [{ id: '1', templateTypeCode: 'reg-consent-template', fileText: '<p>Li e aceito.</p>', langCode: 'por', isActive: true }]);
    const { bundle, source } = service.current();
    assert.equal(source, 'demo');
    assert.deepEqual(bundle.masterData.dynamicFields, { gender: [{ code: 'FEM', value: { por: 'Feminino' } }] });
    assert.deepEqual(bundle.masterData.documentCategories, [{ code: 'POI', name: { por: 'Prova de identidade' }, types: [{ code: 'DOC001', name: { por: 'Bilhete de identidade' }, applicantTypes: ['008'] }] }]);
    assert.deepEqual(bundle.masterData.templates, { 'reg-consent-template': { por: '<p>Li e aceito.</p>' } });
    assert.deepEqual(bundle.masterData.locations, loadStpMasterData().locations, 'locations stay the demo ones under demo specs');
  });

  it('never puts demo codes under synced specs: empty until the server sends them', () => {
    syncSpecs();
    const { bundle, source } = service.current();
    assert.equal(source, 'synced');
    assert.deepEqual([bundle.masterData.dynamicFields, bundle.masterData.documentCategories, bundle.masterData.templates], [{}, [], {}]);
    sync('Template', [{ id: '7', templateTypeCode: 'reg-ack-template', fileText: 'RID', langCode: 'por', isActive: true }]);
    assert.deepEqual(service.current().bundle.masterData.templates, { 'reg-consent-template': {} }, 'a server without the consent template: no text in any language');
  });
});
