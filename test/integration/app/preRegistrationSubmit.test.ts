import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BiometricAttemptResult, SubmitResult } from '../../../schemas/api/registrationApi';
import type { PreRegistrationApplied } from '../../../schemas/preRegistration';
import type { FieldIssue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppServices } from '../../../electron/host/createAppServices';
import { ManualClock } from '../../../native/time/ManualClock';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { openSubpacket } from '../../helpers/openSubpacket';
import { startSimulator } from '../sbi/sbiTestKit';
import { prepareDataDir } from './registrationFixtures';
import { replyValue } from '../../helpers/replyValue';
import { openOfficerOnServer, type OfficerOnServer } from './officerOnServer';

/** The simulator's first seeded application (test/sims/mosip/preRegSeed.ts). */
const MARIA = '37162804952017';

/**
 * A registration prefilled from a pre-registration, all the way to its packet: the packet's
 * metaInfo names the PRID, and the PRID cannot be used again on this machine.
 */
describe('a pre-registered resident to a packet (MOSIP and device simulators on loopback)', () => {
  let bed: OfficerOnServer;
  let sim: MosipSimulator;
  let sbi: SbiSimulator;
  let services: AppServices;
  const call = (method: string, input: unknown) => bed.call(method, input);
  const value = replyValue;

  before(async () => {
    const testClock = new ManualClock();
    sbi = await startSimulator({ now: () => testClock.now() });
    bed = await openOfficerOnServer({ clock: testClock, app: { sbi: { ports: sbi.ports, captureTimeoutMs: 150, infoTimeoutMs: 2000 } }, prepare: (dataDir) => prepareDataDir(dataDir, sbi) });
    ({ sim, services } = bed);
    // the REGISTRATION certificate and the centre's booked applications arrive with the down-sync
    await services.sync.mosip!.downSync();
  });
  after(async () => {
    await bed.close();
    await sbi.close();
  });

  it('builds a packet whose metaInfo names the PRID, then refuses the PRID for another resident', async () => {
    const draft = value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
    value(await call('drafts.save', { draft: { ...draft, values: { consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' } } } }));
    const { applied } = value<{ draft: RegistrationDraft; applied: PreRegistrationApplied }>(await call('drafts.applyPreRegistration', { draftId: draft.draftId, prid: MARIA }));
    assert.equal(applied.prid, MARIA);
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face']) {
      const result = value<BiometricAttemptResult>(await call('drafts.captureBiometrics', { draftId: draft.draftId, fieldId: 'individualBiometrics', modality, exceptions: [] }));
      assert.equal(result.decision, 'accepted', modality);
    }
    assert.deepEqual(value<{ issues: FieldIssue[] }>(await call('drafts.validate', { draftId: draft.draftId })).issues, [], 'the prefilled draft needs nothing more');
    const result = value<SubmitResult>(await call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: 'Officer#2026' }));

    const regKey = sim.pki.registration(`${services.data.identity.centreId}_${services.data.identity.machineId}`).privateKey;
    const id = await openSubpacket(readFileSync(result.packet.file), regKey, 'id');
    const meta = id.get('packet_meta_info.json')!.identity as { metaData: { label: string; value: string | null }[] };
    assert.equal(meta.metaData.find((m) => m.label === 'preRegistrationId')?.value, MARIA);
    const identity = id.get('ID.json')!.identity as Record<string, unknown>;
    assert.deepEqual(identity['fullName'], [{ language: 'por', value: 'Maria da Graça Quaresma' }, { language: 'eng', value: 'Maria da Graca Quaresma' }]);

    const next = value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
    const reused = await call('drafts.applyPreRegistration', { draftId: next.draftId, prid: MARIA });
    assert.deepEqual(reused.ok ? 'ok' : [reused.error.code, reused.error.details], ['ERR_REG_PREREG_USED', { prid: MARIA }]);
  });
});
