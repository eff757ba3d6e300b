import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import type { OutboxItem } from '../../../schemas/outbox';
import type { OutboxPage } from '../../../schemas/api/syncApi';
import type { FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { RealBackEnd } from '../../helpers/realBackEnd';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin } from '../sync/syncTestBed';
import { openServerBackEnd, type ServerBackEnd } from './serverBackEnd';
import { BAD_CHECKSUM_UIN, PARENT_UIN, birthQr, mosipDay } from './crvsFixtures';
import { replyValue } from '../../helpers/replyValue';

const CONSENT: Readonly<Record<string, FormFieldValue>> = { consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' } };
const DAY = 86_400_000;

type SimPacket = { registrationId: string; registrationType: string; status: string; rejectReason: string | null; uin: string | null };
type SimIdentity = { uin: string; vids: string[]; fields: Record<string, unknown>; registrationIds: string[]; deceased: boolean };

/**
 * Issue 16 (offline path): a child from a registered birth (CRVS_NEW, prefilled from the birth
 * certificate's QR, the parent as introducer with their biometrics) and a death (CRVS_DEATH) are
 * made on the registration back end (Router, SBI device simulator, MOSIP simulator, one clock),
 * approved, synced and uploaded as any packet; the simulator's UIN generator gives the child a UIN
 * and marks the deceased's identity. Bad input is refused field by field.
 */
describe('civil registration (CRVS_NEW, CRVS_DEATH) through the Router to the simulator', () => {
  let bed: ServerBackEnd;
  let server: MosipSimulator;
  let backEnd: RealBackEnd;
  const call = (connectionId: string, method: string, input: unknown) => backEnd.services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const value = replyValue;
  const errorOf = (reply: Reply) => (reply.ok ? { code: 'ok', details: {} } : reply.error);
  const officer = (method: string, input: unknown) => call('officer-window', method, input);
  const supervisor = (method: string, input: unknown) => call('supervisor-window', method, input);
  const now = () => backEnd.clock.now();

  before(async () => {
    bed = await openServerBackEnd('regclient-crvs16-');
    ({ server, backEnd } = bed);
    value(await officer('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
    value(await supervisor('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));
  });
  after(async () => {
    await bed?.close();
  });

  async function draftOf(process: string, values: Readonly<Record<string, FormFieldValue>> = {}): Promise<string> {
    const draft = value<RegistrationDraft>(await officer('drafts.create', { process, languages: ['por'] }));
    value(await officer('drafts.save', { draft: { ...draft, values: { ...draft.values, ...CONSENT, ...values } } }));
    return draft.draftId;
  }
  const applyQr = (draftId: string, text: string) => officer('drafts.applyBirthRecord', { draftId, text });
  const issues = async (draftId: string) => value<{ issues: { fieldId: string; rule: string }[] }>(await officer('drafts.validate', { draftId })).issues.map((i) => `${i.fieldId}:${i.rule}`);
  const submit = (draftId: string) => officer('drafts.submit', { draftId, receiptLanguage: 'por', password: 'Officer#2026' });
  const simPacket = async (rid: string) => Object.values((await admin(server, 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>).find((p) => p.registrationId === rid);
  const identities = async () => ((await admin(server, 'identities', undefined, 'GET'))['identities'] as SimIdentity[]);

  /** Submit, approve, sync + upload, let regproc run, read the status back. */
  async function toServer(draftId: string): Promise<{ rid: string; packet: SimPacket | undefined; stored: OutboxItem | undefined }> {
    const { packet } = value<SubmitResult>(await submit(draftId));
    value(await supervisor('packets.approve', { ids: [packet.rid], password: 'Supervisor#2026' }));
    value(await officer('sync.now', {}));
    assert.equal((await simPacket(packet.rid))?.status, 'RECEIVED', 'synced and uploaded');
    await admin(server, 'advance', { steps: 2 });
    value(await officer('sync.now', {}));
    const stored = value<OutboxPage>(await supervisor('packets.list', {})).items.find((p) => p.rid === packet.rid);
    return { rid: packet.rid, packet: await simPacket(packet.rid), stored };
  }

  it('registers a child from a birth certificate QR with the parent as introducer: PROCESSED, the child has a UIN', async () => {
    const draftId = await draftOf('CRVS_NEW');
    const { draft, applied } = value<{ draft: RegistrationDraft; applied: { birthCertificateNumber: string; prefilledFields: string[] } }>(await applyQr(draftId, JSON.stringify(birthQr(now()))));
    assert.equal(applied.birthCertificateNumber, 'AG-2026/00123');
    assert.deepEqual(draft.values['introducerUIN'], { type: 'text', value: PARENT_UIN });
    assert.deepEqual(draft.values['dateOfBirth'], { type: 'text', value: mosipDay(now() - 20 * DAY) });
    assert.deepEqual(draft.values['consent'], { type: 'flag', checked: true }, 'the consent given before the scan is kept');
    assert.deepEqual(await issues(draftId), ['introducerBiometrics:biometrics'], "only the parent's biometrics are left to capture");
    value(await officer('drafts.captureBiometrics', { draftId, fieldId: 'introducerBiometrics', modality: 'face', exceptions: [] }));
    assert.deepEqual(await issues(draftId), []);
    const { packet, stored } = await toServer(draftId);
    assert.deepEqual([packet?.registrationType, packet?.status, packet?.rejectReason], ['CRVS_NEW', 'PROCESSED', null]);
    assert.match(packet?.uin ?? '', /^\d{10}$/);
    assert.deepEqual([stored?.process, stored?.serverStatus], ['CRVS_NEW', 'PROCESSED'], 'the app read the status back');
    const child = (await identities()).find((i) => i.uin === packet?.uin);
    assert.deepEqual([child?.fields['birthCertificateNumber'], child?.fields['introducerUIN'], child?.deceased], ['AG-2026/00123', PARENT_UIN, false]);
  });

  it('registers a death given by VID: PROCESSED, the identity is marked deceased and keeps its UIN', async () => {
    const person = await admin(server, 'identities', { fields: { fullName: [{ language: 'por', value: 'João Pedro Trovoada' }] }, vids: ['4561237890123456'] });
    const draftId = await draftOf('CRVS_DEATH', {
      UIN: { type: 'text', value: '4561237890123456' },
      declaredAsDeceased: { type: 'flag', checked: true },
      deceasedDeclarationDate: { type: 'text', value: mosipDay(now() - DAY) },
      typeOfDeath: { type: 'code', code: 'NATURAL' },
      deceasedInformer: { type: 'text', value: PARENT_UIN },
    });
    assert.deepEqual(await issues(draftId), []);
    const { packet, stored } = await toServer(draftId);
    assert.deepEqual([packet?.registrationType, packet?.status, packet?.uin], ['CRVS_DEATH', 'PROCESSED', person['uin']]);
    assert.equal(stored?.serverStatus, 'PROCESSED');
    const deceased = (await identities()).find((i) => i.uin === person['uin']);
    assert.deepEqual([deceased?.deceased, deceased?.fields['declaredAsDeceased'], deceased?.fields['deceasedInformer']], [true, 'Y', PARENT_UIN]);
  });

  it('fails a death of an identity the repository does not have, and marks no one', async () => {
    const before = (await identities()).filter((i) => i.deceased).length;
    const draftId = await draftOf('CRVS_DEATH', {
      UIN: { type: 'text', value: PARENT_UIN }, declaredAsDeceased: { type: 'flag', checked: true },
      deceasedDeclarationDate: { type: 'text', value: mosipDay(now()) }, deceasedInformer: { type: 'text', value: '10001100020000120261120090000' },
    });
    const { packet } = await toServer(draftId);
    assert.equal(packet?.status, 'REJECTED');
    assert.match(packet?.rejectReason ?? '', /IDR-IDC-007/);
    assert.equal((await identities()).filter((i) => i.deceased).length, before);
  });

  it('refuses a birth without its registration number, born in the future or registered before the birth', async () => {
    const noNumber = await draftOf('CRVS_NEW');
    const qr = birthQr(now());
    value(await applyQr(noNumber, JSON.stringify(qr)));
    value(await officer('drafts.save', { draft: { ...value<RegistrationDraft>(await officer('drafts.get', { draftId: noNumber })), values: { ...CONSENT, ...withoutKey(value<RegistrationDraft>(await officer('drafts.get', { draftId: noNumber })).values, 'birthCertificateNumber') } } }));
    assert.ok((await issues(noNumber)).includes('birthCertificateNumber:required'));
    assert.equal(errorOf(await submit(noNumber)).code, 'ERR_REG_DRAFT_INCOMPLETE');

    const future = await draftOf('CRVS_NEW');
    const child = { ...(qr['child'] as Record<string, unknown>), dateOfBirth: new Date(now() + 3 * DAY).toISOString().slice(0, 10) };
    value(await applyQr(future, JSON.stringify({ ...qr, child, birthRegistrationDate: new Date(now() + DAY).toISOString().slice(0, 10) })));
    const found = await issues(future);
    assert.ok(found.includes('dateOfBirth:dateInFuture'), found.join(', '));
    assert.ok(found.includes('birthRegistrationDate:dateRange'), found.join(', '));

    const early = await draftOf('CRVS_NEW');
    value(await applyQr(early, JSON.stringify({ ...qr, birthRegistrationDate: new Date(now() - 30 * DAY).toISOString().slice(0, 10) })));
    assert.ok((await issues(early)).includes('birthRegistrationDate:dateRange'), 'registered 30 days before a birth 20 days ago');
  });

  it("refuses a UIN whose check digit is wrong: the parent's, the deceased's, the informant's", async () => {
    const birth = await draftOf('CRVS_NEW');
    value(await applyQr(birth, JSON.stringify(birthQr(now(), { parent: { fullName: 'Maria da Graça Quaresma', uin: BAD_CHECKSUM_UIN } }))));
    assert.ok((await issues(birth)).includes('introducerUIN:checksum'));
    const death = await draftOf('CRVS_DEATH', {
      UIN: { type: 'text', value: BAD_CHECKSUM_UIN }, declaredAsDeceased: { type: 'flag', checked: true },
      deceasedDeclarationDate: { type: 'text', value: mosipDay(now()) }, deceasedInformer: { type: 'text', value: BAD_CHECKSUM_UIN },
    });
    const found = await issues(death);
    assert.ok(found.includes('UIN:checksum') && found.includes('deceasedInformer:checksum'), found.join(', '));
    assert.equal(errorOf(await submit(death)).code, 'ERR_REG_DRAFT_INCOMPLETE');
  });

  it('refuses a death not declared, or without the deceased and the informant', async () => {
    const undeclared = await draftOf('CRVS_DEATH', {
      UIN: { type: 'text', value: PARENT_UIN }, declaredAsDeceased: { type: 'flag', checked: false },
      deceasedDeclarationDate: { type: 'text', value: mosipDay(now() + 2 * DAY) },
    });
    const found = await issues(undeclared);
    for (const expected of ['declaredAsDeceased:required', 'deceasedDeclarationDate:dateRange', 'deceasedInformer:required']) assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
    const nobody = await draftOf('CRVS_DEATH', { declaredAsDeceased: { type: 'flag', checked: true } });
    assert.ok((await issues(nobody)).includes('UIN:required'));
    assert.equal(errorOf(await submit(nobody)).code, 'ERR_REG_DRAFT_INCOMPLETE');
  });

  it('refuses a hostile or foreign QR with its own code, naming the field and rule, and leaves the draft as it was', async () => {
    const draftId = await draftOf('CRVS_NEW');
    const before = value<RegistrationDraft>(await officer('drafts.get', { draftId })).values;
    const qr = birthQr(now());
    const cases: [string, string, string][] = [
      ['not json', 'PRID 37162804952017', '(text)'],
      ['too long', JSON.stringify({ ...qr, pad: 'x'.repeat(3000) }), '(text)'],
      ['an unknown key', JSON.stringify({ ...qr, admin: true }), '(root)'],
      ['a prototype key', `{"__proto__":{"polluted":1},${JSON.stringify(qr).slice(1)}`, '(root)'],
      ['another format', JSON.stringify({ ...qr, format: 'PASSPORT' }), 'format'],
      ['a script in a name', JSON.stringify({ ...qr, child: { ...(qr['child'] as object), fullName: 'x'.repeat(200) } }), 'child.fullName'],
      ['two parents ids', JSON.stringify({ ...qr, parent: { fullName: 'Maria da Graça Quaresma', uin: PARENT_UIN, rid: '1'.repeat(29) } }), 'parent'],
      ['a bad date', JSON.stringify({ ...qr, birthRegistrationDate: '2026-13-40' }), 'birthRegistrationDate'],
    ];
    for (const [what, text, field] of cases) {
      const error = errorOf(await applyQr(draftId, text));
      assert.deepEqual([error.code, (error.details as { field?: string }).field], ['ERR_REG_BIRTH_QR_INVALID', field], what);
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype was polluted');
    assert.deepEqual(value<RegistrationDraft>(await officer('drafts.get', { draftId })).values, before, 'nothing applied from a refused code');
    const newDraft = await draftOf('NEW');
    assert.equal(errorOf(await applyQr(newDraft, JSON.stringify(qr))).code, 'ERR_REG_BIRTH_QR_NOT_IN_FORM');
  });
});

function withoutKey<T extends Record<string, unknown>>(values: T, key: string): T {
  const copy = { ...values };
  delete copy[key];
  return copy;
}
