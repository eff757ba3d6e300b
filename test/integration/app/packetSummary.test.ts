import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import type { PacketSummary } from '../../../schemas/packetSummary';
import type { FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppServices } from '../../../electron/host/createAppServices';
import { patchOutbox } from '../../../electron/services/db/repos/outbox';
import { buildSamplePacket } from '../../helpers/buildSamplePacket';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { makeTestPki } from '../../helpers/packetKeys';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { DEMOGRAPHICS, prepareDataDir, scan, two } from './registrationFixtures';
import { ManualClock } from '../../../native/time/ManualClock';
import { replyValue } from '../../helpers/replyValue';

/** The registration's English name differs from its Portuguese one, so the summary shows both. */
const VALUES: Readonly<Record<string, FormFieldValue>> = { ...DEMOGRAPHICS, fullName: two('Maria Quaresma Neves', 'Mary Quaresma Neves') };
const PAGE = scan('jpg');

/**
 * The supervisor's per-packet summary end to end: a real draft submitted with captures from the
 * SBI simulator (a force-captured slap, a missing finger, the exception photo) → the summary
 * stored in the packet's commit → `packets.summary` for supervisors only → deleted with the file.
 */
describe('packet summary through the Router (device simulator, real worker, encrypted store)', () => {
  let simulator: SbiSimulator;
  let services: AppServices;
  let close: () => Promise<void>;
  let rid: string;
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const value = replyValue;
  const error = (reply: Reply) => (reply.ok ? { code: 'ok', details: {} } : reply.error);
  const officer = (method: string, input: unknown) => call('officer-window', method, input);
  const supervisor = (method: string, input: unknown) => call('supervisor-window', method, input);
  const capture = async (draftId: string, modality: string, exceptions: string[] = []) =>
    value(await officer('drafts.captureBiometrics', { draftId, fieldId: 'individualBiometrics', modality, exceptions }));

  before(async () => {
    const testClock = new ManualClock();
    simulator = await startSimulator({ now: () => testClock.now() });
    let dataDir: string;
    ({ services, dataDir, close } = await openTestServices({ clock: testClock, app: { sbi: { ports: simulator.ports, captureTimeoutMs: 150, infoTimeoutMs: 1000 } } }));
    prepareDataDir(dataDir, simulator, makeTestPki(services.clock.now()).regCertPem);
    value(await officer('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
    value(await supervisor('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));

    const draft = value<RegistrationDraft>(await officer('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
    value(await officer('drafts.save', { draft: { ...draft, values: VALUES } }));
    const attach = async (fieldId: string, documentType: string) => value<FormFieldValue>(await officer('drafts.attachDocument', { draftId: draft.draftId, fieldId, documentType, refNumber: null, files: [PAGE, PAGE] }));
    const documents = { proofOfIdentity: await attach('proofOfIdentity', 'CIN'), proofOfAddress: await attach('proofOfAddress', 'RNC') };
    const saved = value<RegistrationDraft>(await officer('drafts.get', { draftId: draft.draftId }));
    value(await officer('drafts.save', { draft: { ...saved, values: { ...saved.values, ...documents } } }));
    await capture(draft.draftId, 'left-slap', ['Left LittleFinger']);
    simulator.device('finger').score = 30;
    for (let i = 0; i < 3; i++) await capture(draft.draftId, 'right-slap');
    simulator.device('finger').score = undefined;
    await capture(draft.draftId, 'thumbs');
    await capture(draft.draftId, 'iris');
    await capture(draft.draftId, 'face');
    await capture(draft.draftId, 'exception-photo');
    rid = value<SubmitResult>(await officer('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: 'Officer#2026', reviewer: { userId: 'supervisor1', password: 'Supervisor#2026' } })).packet.rid;
  });
  after(async () => {
    await close();
    await simulator.close();
  });

  it('gives the supervisor the demographics in both languages, documents, photo and exception photo', async () => {
    const summary = value<PacketSummary>(await supervisor('packets.summary', { rid }));
    assert.deepEqual([summary.rid, summary.process, summary.languages, summary.officerId], [rid, 'NEW', ['por', 'eng'], 'officer1']);
    assert.deepEqual(summary.residentName, { por: 'Maria Quaresma Neves', eng: 'Mary Quaresma Neves' });
    const byField = new Map(summary.demographics.map((d) => [d.fieldId, d.value]));
    assert.deepEqual(byField.get('gender'), { por: 'Feminino', eng: 'Female' });
    assert.deepEqual(byField.get('dateOfBirth'), '1990/05/17');
    assert.deepEqual(summary.documents.map((d) => [d.fieldId, d.documentType, d.pageCount]), [['proofOfIdentity', 'CIN', 2], ['proofOfAddress', 'RNC', 2], ['proofOfException', 'EOP', 1]]);
    for (const thumb of [summary.photo, summary.exceptionPhoto]) assert.deepEqual([...Buffer.from(thumb ?? '', 'base64').subarray(0, 2)], [0xff, 0xd8]);
  });

  it('shows each modality against its threshold: the force-captured slap, the missing finger, thumbnails', async () => {
    const summary = value<PacketSummary>(await supervisor('packets.summary', { rid }));
    const modality = (m: string) => summary.biometrics.find((b) => b.modality === m)!;
    assert.deepEqual(summary.biometrics.map((b) => b.modality).sort(), ['face', 'iris', 'left-slap', 'right-slap', 'thumbs']);
    const right = modality('right-slap');
    assert.deepEqual([right.isForceCaptured, right.attemptsUsed, right.threshold], [true, 3, 40]);
    assert.deepEqual(right.attributes.map((a) => a.qualityScore), [30, 30, 30, 30]);
    assert.ok(right.attributes.every((a) => a.thumbnail !== null), 'the simulator sends JPEG 2000 finger images, decoded in the main process: each has a thumbnail');
    const left = modality('left-slap');
    assert.deepEqual([left.isForceCaptured, left.exceptions, left.attributes.map((a) => a.attribute).sort()], [false, ['leftLittle'], ['leftIndex', 'leftMiddle', 'leftRing']]);
    assert.ok(left.attributes.every((a) => a.qualityScore >= left.threshold));
    assert.ok(JSON.stringify(summary).length < 120_000, 'thumbnails keep the summary small');
  });

  it('refuses an officer in the main process, and names an unknown RID or a malformed one', async () => {
    assert.equal(error(await officer('packets.summary', { rid })).code, 'ERR_AUTH_FORBIDDEN');
    const unknown = error(await supervisor('packets.summary', { rid: '10001100020000120261122999999' }));
    assert.deepEqual([unknown.code, unknown.details], ['ERR_SYNC_PACKET_NOT_FOUND', { id: '10001100020000120261122999999' }]);
    assert.equal(error(await supervisor('packets.summary', { rid: 'abc' })).code, 'ERR_IPC_INVALID_INPUT');
  });

  it('says a packet built outside the registration screens has no summary', async () => {
    const built = await buildSamplePacket(services, 'cli-like');
    assert.deepEqual(error(await supervisor('packets.summary', { rid: built.rid })).details, { rid: built.rid });
    assert.equal(error(await supervisor('packets.summary', { rid: built.rid })).code, 'ERR_SYNC_PACKET_SUMMARY_MISSING');
  });

  it('keeps the summary through the decision and deletes it with the file under retention', async () => {
    value(await supervisor('packets.approve', { ids: [rid], password: 'Supervisor#2026' }));
    assert.equal(value<PacketSummary>(await supervisor('packets.summary', { rid })).rid, rid);
    const db = services.data.db;
    const packetId = (db.prepare('SELECT packet_id FROM packets WHERE rid = ?').get(rid) as { packet_id: string }).packet_id;
    const old = services.clock.now() - 3 * 86_400_000;
    assert.ok(patchOutbox(db, packetId, 'READY', { state: 'DONE', serverStatus: 'PROCESSED', serverStatusAt: old }, old));
    assert.deepEqual(await services.sync.retention.run(), [rid]);
    assert.equal(error(await supervisor('packets.summary', { rid })).code, 'ERR_SYNC_PACKET_SUMMARY_MISSING');
  });
});
