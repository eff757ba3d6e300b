import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { loadStpIdSchema } from '../../../schemas/data/stpDemoSpecs';
import type { AppServices } from '../../../electron/host/createAppServices';
import { putIdSchema } from '../../../electron/services/db/repos/idSchemas';
import { applyMasterDataRows } from '../../../electron/services/db/repos/masterData';
import { openTestServices } from '../../helpers/openTestDataDir';

describe('registration.formBundle after a sync', () => {
  let services: AppServices;
  let close: () => Promise<void>;
  const call = (method: string, input: unknown) => services.router.dispatch({ connectionId: 'w', sink: () => undefined }, method, input);
  const newSpec = JSON.parse(readFileSync(new URL('../../../schemas/data/stp/newProcess.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const putSynced = (response: Record<string, unknown>) =>
    putIdSchema(services.data.db, { idVersion: 0.4, schemaJson: JSON.stringify(loadStpIdSchema()), responseJson: JSON.stringify(response), effectiveFrom: undefined }, services.clock.now());

  beforeEach(async () => {
    ({ services, close } = await openTestServices());
    assert.equal((await call('auth.login', { userId: 'officer1', password: 'Officer#2026' })).ok, true);
  });
  afterEach(() => close());

  it('serves only the synced specs and synced locations, never the demo ones beside them', async () => {
    putSynced({ idVersion: 0.4, newProcess: newSpec });
    applyMasterDataRows(services.data.db, 'Location', [
      { rowKey: 'PRI', langCode: 'por', isActive: true, deleted: false, data: { code: 'PRI', name: 'Região Autónoma do Príncipe', hierarchyLevel: 1, hierarchyName: 'Region', parentLocCode: 'STP', langCode: 'por' } },
      { rowKey: 'PRI', langCode: 'eng', isActive: true, deleted: false, data: { code: 'PRI', name: 'Autonomous Region of Príncipe', hierarchyLevel: 1, hierarchyName: 'Region', parentLocCode: 'STP', langCode: 'eng' } },
    ], services.clock.now());
    const reply = await call('registration.formBundle', {});
    assert.equal(reply.ok, true, JSON.stringify(reply));
    const bundle = (reply as { value: { processes: { id: string }[]; masterData: { locations: { code: string; name: Record<string, string> }[] } } }).value;
    assert.deepEqual(bundle.processes.map((p) => p.id), ['NEW']);
    const lost = await call('drafts.create', { process: 'LOST', languages: ['por'] });
    assert.equal(lost.ok ? 'ok' : lost.error.code, 'ERR_REG_FORM_BUNDLE_INVALID', 'no draft for a process the synced forms lack');
    assert.deepEqual(bundle.masterData.locations, [{ code: 'PRI', hierarchyLevel: 1, hierarchyLevelName: 'Region', parentLocCode: 'STP', name: { eng: 'Autonomous Region of Príncipe', por: 'Região Autónoma do Príncipe' } }]);
  });

  it('falls back to the demo bundle when the synced schema carries no UI spec, and names a broken one', async () => {
    putSynced({ idVersion: 0.4 });
    const demo = await call('registration.formBundle', {});
    assert.equal(demo.ok && (demo.value as { processes: unknown[] }).processes.length, 6);
    putSynced({ idVersion: 0.4, newProcess: { ...newSpec, screens: [] } });
    const broken = await call('registration.formBundle', {});
    assert.equal(broken.ok ? 'ok' : broken.error.code, 'ERR_REG_FORM_BUNDLE_INVALID');
  });
});
