import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import type { PacketSummary } from '../../../schemas/packetSummary';
import type { FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppServices } from '../../../electron/host/createAppServices';
import { getDraftDocument } from '../../../electron/services/db/repos/drafts';
import { ManualClock } from '../../../native/time/ManualClock';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { makeTestPki, type TestPki } from '../../helpers/packetKeys';
import { openSubpacketFiles } from '../../helpers/openSubpacket';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { DEMOGRAPHICS, prepareDataDir, scan } from './registrationFixtures';
import { replyValue } from '../../helpers/replyValue';

type DocumentValue = Extract<FormFieldValue, { type: 'document' }>;

/**
 * Issue 13: one source of truth per document slot. The draft in the main process holds each
 * slot's type, reference number and pages; the page's autosave cannot change them, the exception
 * photo never replaces what the operator attached, and the packet holds what the draft holds.
 * Real Router, encrypted store, SBI device simulator on loopback, real packet worker.
 */
describe('document slots: the draft holds type, reference number and pages (issue 13)', () => {
  let simulator: SbiSimulator;
  let services: AppServices;
  let close: () => Promise<void>;
  let pki: TestPki;
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const officer = (method: string, input: unknown) => call('officer-window', method, input);
  const value = replyValue;
  const error = (reply: Reply) => (reply.ok ? { code: 'ok', details: {} } : { code: reply.error.code, details: reply.error.details });
  const get = async (draftId: string) => value<RegistrationDraft>(await officer('drafts.get', { draftId }));
  /** the page's autosave: its own (possibly older) copy of the values */
  const autosave = async (draft: RegistrationDraft, values: Readonly<Record<string, FormFieldValue>>) =>
    value(await officer('drafts.save', { draft: { ...draft, values: { ...draft.values, ...values } } }));
  const attach = async (draftId: string, fieldId: string, documentType: string, refNumber: string | null, pages: number) =>
    value<DocumentValue>(await officer('drafts.attachDocument', { draftId, fieldId, documentType, refNumber, files: Array.from({ length: pages }, () => scan('jpg')) }));
  const describeDocument = (draftId: string, fieldId: string, documentType: string, refNumber: string | null) =>
    officer('drafts.describeDocument', { draftId, fieldId, documentType, refNumber });
  const capture = async (draftId: string, modality: string, exceptions: string[] = []) =>
    value(await officer('drafts.captureBiometrics', { draftId, fieldId: 'individualBiometrics', modality, exceptions }));
  const newDraft = async () => {
    const draft = value<RegistrationDraft>(await officer('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
    await autosave(draft, DEMOGRAPHICS);
    return get(draft.draftId);
  };

  before(async () => {
    const clock = new ManualClock();
    simulator = await startSimulator({ now: () => clock.now() });
    pki = makeTestPki(clock.now());
  });
  after(async () => {
    await simulator.close();
  });
  beforeEach(async () => {
    let dataDir: string;
    ({ services, dataDir, close } = await openTestServices({ clock: new ManualClock(), app: { sbi: { ports: simulator.ports, captureTimeoutMs: 150, infoTimeoutMs: 1000 } } }));
    prepareDataDir(dataDir, simulator, pki.regCertPem);
    value(await officer('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
  });
  afterEach(() => close());

  it('keeps the medical certificate attached as proof of exception when the exception photo is taken, into the summary and the packet', async () => {
    const draft = await newDraft();
    const poi = await attach(draft.draftId, 'proofOfIdentity', 'CIN', 'BI-0042', 1);
    const poa = await attach(draft.draftId, 'proofOfAddress', 'UTILITY_BILL', null, 1);
    const certificate = await attach(draft.draftId, 'proofOfException', 'MEDICAL_CERTIFICATE', 'AM-117', 2);
    assert.equal(certificate.pageCount, 2);
    const pageState = await get(draft.draftId);
    await capture(draft.draftId, 'left-slap', ['Left LittleFinger']);
    for (const modality of ['right-slap', 'thumbs', 'iris', 'face', 'exception-photo']) await capture(draft.draftId, modality);
    // "Guardar e fechar": the page saves what it shows, then "Retomar" reads the draft back
    await autosave(pageState, { proofOfIdentity: poi, proofOfAddress: poa, proofOfException: certificate });
    const resumed = await get(draft.draftId);
    assert.deepEqual(resumed.values['proofOfException'], certificate, 'the certificate, not an EOP photo');
    assert.equal(getDraftDocument(services.data.db, draft.draftId, certificate.storageId)?.fieldId, 'proofOfException', 'its bytes are still stored');

    const submitted = value<SubmitResult>(await officer('drafts.submit', {
      draftId: draft.draftId, receiptLanguage: 'por', password: 'Officer#2026', reviewer: { userId: 'supervisor1', password: 'Supervisor#2026' },
    }));
    value(await call('supervisor-window', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));
    const summary = value<PacketSummary>(await call('supervisor-window', 'packets.summary', { rid: submitted.packet.rid }));
    assert.deepEqual(summary.documents.map((d) => [d.fieldId, d.documentType, d.pageCount]), [['proofOfIdentity', 'CIN', 1], ['proofOfAddress', 'UTILITY_BILL', 1], ['proofOfException', 'MEDICAL_CERTIFICATE', 2]]);
    assert.notEqual(summary.exceptionPhoto, null, 'the exception photo stays the supervisor’s to see, as a biometric');

    const evidence = await openSubpacketFiles(readFileSync(submitted.packet.file), pki.regKey, 'evidence');
    const identity = (JSON.parse(evidence.get('ID.json')!.toString('utf8')) as { identity: Record<string, { type: string; value: string; refNumber: string | null; format: string }> }).identity;
    const proof = identity['proofOfException']!;
    assert.deepEqual([proof.type, proof.refNumber, proof.format], ['MEDICAL_CERTIFICATE', 'AM-117', 'pdf']);
    const pdf = await PDFDocument.load(evidence.get(`${proof.value}.${proof.format}`)!);
    assert.equal(pdf.getPageCount(), 2);

    // the photo itself is a biometric of the field, as MOSIP 1.2.0.x writes it: an ExceptionPhoto BIR
    // in the field's CBEFF (PacketHandlerServiceImpl.setBiometrics, BIRBuilder.buildBIR) indexed
    // under the attribute `unknown` in the meta info
    const id = await openSubpacketFiles(readFileSync(submitted.packet.file), pki.regKey, 'id');
    const birs = [...id.get('individualBiometrics_bio_CBEFF.xml')!.toString('utf8').matchAll(/<BIR>([\s\S]*?)<\/BIR>/g)].map((m) => m[1]!);
    const photoBirs = birs.filter((bir) => bir.includes('<Type>ExceptionPhoto</Type>'));
    assert.equal(photoBirs.length, 1);
    const [, index] = /<Index>([^<]+)<\/Index>/.exec(photoBirs[0]!)!;
    assert.match(photoBirs[0]!, /<BDB>[A-Za-z0-9_-]{100,}<\/BDB>/, 'the face record of the exception photo');
    assert.match(photoBirs[0]!, /<Format>\s*<Organization>Mosip<\/Organization>\s*<Type>8<\/Type>/, 'the format type of a face');
    const meta = (JSON.parse(id.get('packet_meta_info.json')!.toString('utf8')) as { identity: { biometrics: Record<string, Record<string, { birindex: string }>> } }).identity;
    assert.equal(meta.biometrics['individualBiometrics']?.['unknown']?.birindex, index);
  });

  it('fills an empty proof-of-exception slot with the exception photo (nothing of the operator’s is there)', async () => {
    const draft = await newDraft();
    await capture(draft.draftId, 'left-slap', ['Left LittleFinger']);
    await capture(draft.draftId, 'exception-photo');
    const photo = (await get(draft.draftId)).values['proofOfException'];
    assert.deepEqual(photo?.type === 'document' && [photo.documentType, photo.format, photo.pageCount], ['EOP', 'jpg', 1]);
  });

  it('keeps a reference number typed after attaching through a stale autosave (Next/Back) and refuses it for an empty slot', async () => {
    const draft = await newDraft();
    const attached = await attach(draft.draftId, 'proofOfIdentity', 'PASSPORT', null, 1);
    const described = value<DocumentValue>(await describeDocument(draft.draftId, 'proofOfIdentity', 'PASSPORT', '  P0458812 '));
    assert.deepEqual(described, { ...attached, refNumber: 'P0458812' });
    // the page's autosave on Next still carries the value it had before the number was typed
    await autosave(draft, { proofOfIdentity: attached });
    assert.deepEqual((await get(draft.draftId)).values['proofOfIdentity'], described);
    assert.equal(getDraftDocument(services.data.db, draft.draftId, attached.storageId)?.refNumber, 'P0458812');
    // clearing the box clears the number
    const cleared = value<DocumentValue>(await describeDocument(draft.draftId, 'proofOfIdentity', 'PASSPORT', ' '));
    assert.equal(cleared.refNumber, null);
    assert.deepEqual(error(await describeDocument(draft.draftId, 'proofOfAddress', 'UTILITY_BILL', 'X')), { code: 'ERR_REG_DOCUMENT_NOT_ATTACHED', details: { fieldId: 'proofOfAddress' } });
    assert.deepEqual(error(await describeDocument(draft.draftId, 'fullName', 'UTILITY_BILL', 'X')), { code: 'ERR_REG_FIELD_NOT_IN_FORM', details: { fieldId: 'fullName', expected: 'fileupload' } });
  });

  it('holds one type per slot: a type changed after attaching, or a new file of another type, wins over the page’s older copy', async () => {
    const draft = await newDraft();
    // as a pre-registration prefill leaves it: a passport with its number
    const prefilled = await attach(draft.draftId, 'proofOfIdentity', 'PASSPORT', 'P0458812', 1);
    const poa = await attach(draft.draftId, 'proofOfAddress', 'RESIDENCE_CERTIFICATE', null, 1);
    const retyped = value<DocumentValue>(await describeDocument(draft.draftId, 'proofOfAddress', 'UTILITY_BILL', null));
    assert.deepEqual(retyped, { ...poa, documentType: 'UTILITY_BILL' });
    assert.equal(getDraftDocument(services.data.db, draft.draftId, poa.storageId)?.documentType, 'UTILITY_BILL');
    const replaced = await attach(draft.draftId, 'proofOfIdentity', 'CIN', null, 2);
    await autosave(draft, { proofOfIdentity: prefilled, proofOfAddress: poa });
    const stored = (await get(draft.draftId)).values;
    assert.deepEqual([stored['proofOfIdentity'], stored['proofOfAddress']], [replaced, retyped]);
    assert.deepEqual(replaced.type === 'document' && [replaced.documentType, replaced.refNumber, replaced.pageCount], ['CIN', null, 2]);
  });
});
