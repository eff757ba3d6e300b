import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { listMasterData } from '../../../electron/services/db/repos/masterData';
import { DYNAMIC_FIELD_ENTITY } from '../../../electron/services/sync/masterDataKeys';
import { SCRIPT_ENTITY } from '../../../electron/services/sync/urlEntities';
import { admin, makeClient } from './syncTestBed';
import { useSimBed } from './useSimBed';
import { codeOf } from '../../helpers/assertAppError';

// `*-url` entities of v2/clientsettings against the simulator (test/sims/mosip/routes/entityFiles.ts).
// ScreenDetail: an entity the seed has no inline rows for, so every stored row came from the file
const SCREENS = [
  { id: 'newRegistration', appId: '10002', name: 'Novo registo', descr: 'Ecrã de novo registo', langCode: 'por', isActive: true },
  { id: 'uinUpdate', appId: '10002', name: 'Atualizar UIN', descr: 'Ecrã de atualização', langCode: 'por', isActive: true },
];
const GENDER = [{ id: 'g1', name: 'gender', langCode: 'por', dataType: 'string', fieldVal: [{ code: 'FLE', value: 'Feminino' }], isActive: true }];
const MVEL = 'def getApplicantType(identity) { return "001"; }';

describe('v2/clientsettings *-url entities', () => {
  const s = useSimBed({ client: 'each', pinned: true });
  afterEach(() => {
    s.bed.sim.entityFiles.clear();
  });

  it('downloads structured-url (encrypted), dynamic-url and a script, verifies each file-signature and stores them', async () => {
    await admin(s.bed.sim, 'entityfiles', { entityName: 'ScreenDetail', entityType: 'structured-url', content: JSON.stringify(SCREENS), encrypted: true });
    await admin(s.bed.sim, 'entityfiles', { entityName: 'DynamicFieldDto', entityType: 'dynamic-url', content: JSON.stringify([{ data: JSON.stringify(GENDER) }]) });
    await admin(s.bed.sim, 'entityfiles', { entityName: 'applicanttype.mvel', entityType: 'script', content: MVEL });
    await s.client.service.syncMasterData({ full: true });
    assert.deepEqual(listMasterData(s.client.db, 'ScreenDetail').map((r) => [r.rowKey, r.data['descr']]), [['newRegistration', 'Ecrã de novo registo'], ['uinUpdate', 'Ecrã de atualização']]);
    assert.deepEqual(listMasterData(s.client.db, DYNAMIC_FIELD_ENTITY).filter((r) => r.rowKey === 'g1').map((r) => r.data['fieldVal']), [GENDER[0]!.fieldVal]);
    const script = listMasterData(s.client.db, SCRIPT_ENTITY);
    assert.deepEqual(script.map((r) => [r.rowKey, r.data['content']]), [['applicanttype.mvel', MVEL]]);
    assert.match(String(script[0]!.data['fileSignature']), /^[\w-]+\.[\w-]*\.[\w-]+$/);
  });

  it('refuses a file whose file-signature is missing or does not match its content', async () => {
    await admin(s.bed.sim, 'entityfiles', { entityName: 'ScreenDetail', entityType: 'structured-url', content: JSON.stringify(SCREENS), signature: 'missing' });
    assert.equal(await codeOf(s.client.service.syncMasterData({ full: true })), 'ERR_SYNC_SIGNATURE_INVALID');
    await admin(s.bed.sim, 'entityfiles', { entityName: 'ScreenDetail', entityType: 'structured-url', content: JSON.stringify(SCREENS), signature: 'wrong' });
    assert.equal(await codeOf(s.client.service.syncMasterData({ full: true })), 'ERR_SYNC_SIGNATURE_INVALID');
    await admin(s.bed.sim, 'entityfiles', { entityName: 'applicanttype.mvel', entityType: 'script', content: MVEL, signature: 'wrong' });
    s.bed.sim.entityFiles.delete('ScreenDetail');
    assert.equal(await codeOf(s.client.service.syncMasterData({ full: true })), 'ERR_SYNC_SIGNATURE_INVALID');
    assert.deepEqual([listMasterData(s.client.db, 'ScreenDetail'), listMasterData(s.client.db, SCRIPT_ENTITY)], [[], []]);
  });

  it('never sends the session to another host: a foreign url is refused before any request', async () => {
    const seen: string[] = [];
    const foreign: Server = createServer((req, res) => {
      seen.push(`${req.url} cookie=${req.headers.cookie ?? ''}`);
      res.end('[]');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    try {
      const port = (foreign.address() as AddressInfo).port;
      await admin(s.bed.sim, 'entityfiles', { entityName: 'ScreenDetail', entityType: 'structured-url', content: '[]', url: `http://127.0.0.1:${port}/v1/syncdata/clientsettings/ScreenDetail` });
      assert.equal(await codeOf(s.client.service.syncMasterData({ full: true })), 'ERR_SYNC_ENTITY_URL_FOREIGN_HOST');
      assert.deepEqual(seen, []);
    } finally {
      await new Promise<void>((resolve) => foreign.close(() => resolve()));
    }
  });

  it('refuses a file over the size cap with its own code', async () => {
    // a client of its own, with the cap this test needs
    const capped = makeClient(s.bed, { maxEntityBytes: 64 });
    try {
      await capped.service.login('supervisor1', 'Supervisor#2026');
      await capped.service.syncSignCertificate();
      await admin(s.bed.sim, 'entityfiles', { entityName: 'ScreenDetail', entityType: 'structured-url', content: JSON.stringify(SCREENS) });
      assert.equal(await codeOf(capped.service.syncMasterData({ full: true })), 'ERR_SYNC_ENTITY_TOO_LARGE');
    } finally {
      capped.close();
    }
  });

  it('fetches a full-sync-only entity on a full sync but not on a delta (ClientSettingsHelper.hasURLDetails)', async () => {
    await s.client.service.syncMasterData({ full: true });
    await admin(s.bed.sim, 'entityfiles', { entityName: 'ScreenDetail', entityType: 'structured-url', content: JSON.stringify(SCREENS) });
    await s.client.service.syncMasterData();
    assert.deepEqual(listMasterData(s.client.db, 'ScreenDetail'), []);
    await s.client.service.syncMasterData({ full: true });
    assert.equal(listMasterData(s.client.db, 'ScreenDetail').length, 2);
  });
});
