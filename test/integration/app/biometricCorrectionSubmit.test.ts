import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import type { OutboxPage } from '../../../schemas/api/syncApi';
import type { FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import { formatRid } from '../../../electron/services/packets/rid';
import type { RealBackEnd } from '../../helpers/realBackEnd';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin } from '../sync/syncTestBed';
import { openServerBackEnd, operatorWindows, type ServerBackEnd } from './serverBackEnd';
import { replyValue } from '../../helpers/replyValue';

/** What the BIOMETRIC_CORRECTION spec's screens collect besides the biometrics (consent screen). */
const CONSENT: Readonly<Record<string, FormFieldValue>> = { consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' } };
const MODALITIES = ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'];

type SimPacket = { registrationId: string; status: string; rejectReason: string | null; additionalInfoReqId: string | null };

/**
 * Issue 11: a BIOMETRIC_CORRECTION made on the registration screens' back end (Router, SBI device
 * simulator, MOSIP server simulator, one ManualClock) is submitted, approved, synced and reaches
 * PROCESSED. Its screens collect consent and biometrics only, so the ID object is checked with the
 * fields MOSIP requires of that process (processRequiredFields.ts), not the ID schema's NEW list.
 */
describe('a BIOMETRIC_CORRECTION through the Router to PROCESSED (SBI and MOSIP simulators)', () => {
  let bed: ServerBackEnd;
  let server: MosipSimulator;
  let backEnd: RealBackEnd;
  const value = replyValue;
  const { officer, supervisor } = operatorWindows(() => backEnd);

  before(async () => {
    bed = await openServerBackEnd('regclient-bc11-');
    ({ server, backEnd } = bed);
    value(await officer('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
    value(await supervisor('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));
  });
  after(async () => {
    await bed?.close();
  });

  /** A draft of `process` with the consent screen's values and every modality captured. */
  async function capturedDraft(process: string, extra: Partial<RegistrationDraft> = {}): Promise<string> {
    const draft = value<RegistrationDraft>(await officer('drafts.create', { process, languages: ['por'] }));
    value(await officer('drafts.save', { draft: { ...draft, ...extra, values: { ...draft.values, ...CONSENT } } }));
    for (const modality of MODALITIES) value(await officer('drafts.captureBiometrics', { draftId: draft.draftId, fieldId: 'individualBiometrics', modality, exceptions: [] }));
    return draft.draftId;
  }
  const issues = (reply: Reply) => value<{ issues: { fieldId: string; rule: string }[] }>(reply).issues.map((i) => `${i.fieldId}:${i.rule}`);
  const submit = (draftId: string) => officer('drafts.submit', { draftId, receiptLanguage: 'por', password: 'Officer#2026' });

  it('submits under the request RID, is approved, synced with its request id and reaches PROCESSED', async () => {
    // regproc asked for more information about a registration made elsewhere (centre 10009, machine 10011)
    const rid = formatRid('10009', '10011', 7, backEnd.clock.now() - 86_400_000);
    const reqId = String((await admin(server, 'additionalinfo', { rid }))['additionalInfoReqId']);
    const draftId = await capturedDraft('BIOMETRIC_CORRECTION', { additionalInfoReqId: reqId });
    // what the Preview shows: nothing blocks submit (before the fix: fullName … province "required")
    assert.deepEqual(issues(await officer('drafts.validate', { draftId })), []);
    const { packet } = value<SubmitResult>(await submit(draftId));
    assert.equal(packet.rid, rid, 'the packet goes under the request RID');
    value(await supervisor('packets.approve', { ids: [rid], password: 'Supervisor#2026' }));
    value(await officer('sync.now', {}));
    const sent = async () => Object.values((await admin(server, 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>).find((p) => p.registrationId === rid);
    assert.deepEqual([(await sent())?.status, (await sent())?.additionalInfoReqId], ['RECEIVED', reqId], 'synced with its request id, uploaded');
    await admin(server, 'advance', { steps: 2 });
    value(await officer('sync.now', {}));
    const processed = await sent();
    assert.deepEqual([processed?.status, processed?.rejectReason, processed?.additionalInfoReqId], ['PROCESSED', null, reqId]);
    const stored = value<OutboxPage>(await supervisor('packets.list', {})).items.find((p) => p.rid === rid);
    assert.deepEqual([stored?.process, stored?.state, stored?.serverStatus], ['BIOMETRIC_CORRECTION', 'DONE', 'PROCESSED'], 'the app read the status back');
  });

  it('still requires every NEW field the ID schema requires, on the Preview and at submit', async () => {
    const draftId = await capturedDraft('NEW');
    const required = issues(await officer('drafts.validate', { draftId })).filter((i) => i.endsWith(':required'));
    for (const fieldId of ['fullName', 'dateOfBirth', 'gender', 'region', 'province']) assert.ok(required.includes(`${fieldId}:required`), `${fieldId} in ${required.join(', ')}`);
    const refused = await submit(draftId);
    assert.equal(refused.ok ? 'built' : refused.error.code, 'ERR_REG_DRAFT_INCOMPLETE');
  });
});
