import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { RegistrationFormBundle } from '../../../schemas/uiSpec';
import type { AppServices } from '../../../electron/host/createAppServices';
import { ManualClock } from '../../../native/time/ManualClock';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin } from '../sync/syncTestBed';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';
import { replyValue } from '../../helpers/replyValue';

/**
 * The form bundle after a real down-sync: the MOSIP simulator on loopback sends DynamicFieldDto
 * lists, DocumentCategory/DocumentType/ApplicantValidDocument and the consent Template in MOSIP's
 * shapes; the Router's `registration.formBundle` must carry them instead of the demo data.
 */
describe('form master data from the down-sync, through the Router', () => {
  const dir = makeTempDir();
  let sim: MosipSimulator;
  const simClock = new ManualClock();
  let services: AppServices;
  let close: () => Promise<void>;
  const ctx = { connectionId: 'window-1', sink: () => undefined };
  const call = (method: string, input: unknown) => services.router.dispatch(ctx, method, input);
  const value = replyValue;
  const bundle = async () => value<RegistrationFormBundle>(await call('registration.formBundle', {}));

  before(async () => {
    sim = await new MosipSimulator({ stateDir: join(dir.path, 'sim'), clock: simClock }).start();
    ({ services, close } = await openTestServices({ app: { serverUrl: sim.url } }));
    await admin(sim, 'machines', { centreId: '10001', machineId: '10002', publicKey: services.data.machineKey.spkiDer.toString('base64') });
    value(await call('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
  });
  after(async () => {
    await close();
    await sim.close();
    dir.remove();
  });

  it('serves the demo master data before the first sync, the server\'s after it', async () => {
    const before = await bundle();
    assert.deepEqual(before.masterData.documentCategories.find((c) => c.code === 'POI')?.types.map((t) => t.code), ['CIN', 'PASSPORT', 'DRIVING_LICENCE']);

    const mosip = services.sync.mosip!;
    await mosip.login('officer1', 'Officer#2026');
    const summary = await mosip.downSync();
    assert.deepEqual(summary.jobs.filter((j) => !j.ok), []);

    const { masterData, processes } = await bundle();
    assert.deepEqual(masterData.dynamicFields['gender'], [
      { code: 'FLE', value: { por: 'Feminino', eng: 'Female', fra: 'Féminin' } },
      { code: 'MLE', value: { por: 'Masculino', eng: 'Male', fra: 'Masculin' } },
    ]);
    assert.deepEqual(masterData.dynamicFields['residenceStatus']?.map((v) => v.code), ['NAT', 'FR']);
    const poi = masterData.documentCategories.find((c) => c.code === 'POI');
    assert.deepEqual(poi?.name, { por: 'Comprovativo de identidade', eng: 'Proof of identity', fra: "Justificatif d'identité" });
    assert.deepEqual(poi?.types.map((t) => [t.code, t.name.eng, t.applicantTypes.length]), [['CIN', 'National identity card', 4], ['PASSPORT', 'Passport', 8]]);
    const consentField = processes.flatMap((p) => p.screens.flatMap((s) => s.fields)).find((f) => f.controlType === 'html');
    const consent = masterData.templates[consentField?.templateName ?? ''];
    assert.deepEqual(Object.keys(consent ?? {}).sort(), ['eng', 'fra', 'por']);
    assert.match(consent?.['por'] ?? '', /Consentimento para o tratamento de dados pessoais/);
  });

  it('drops what the server deactivates at the next delta sync', async () => {
    const mosip = services.sync.mosip!;
    simClock.advance(60_000);
    await admin(sim, 'masterdata', { entityName: 'DocumentType', rows: [{ code: 'PASSPORT', name: 'Passport', langCode: 'eng', isActive: false }] });
    simClock.advance(60_000);
    assert.equal(await mosip.syncMasterData(), 1);
    const poi = (await bundle()).masterData.documentCategories.find((c) => c.code === 'POI');
    assert.deepEqual(poi?.types.find((t) => t.code === 'PASSPORT')?.name, { por: 'Passaporte', fra: 'Passeport' }, 'inactive in English only: loses its English name');
  });
});
