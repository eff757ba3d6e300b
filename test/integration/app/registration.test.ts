import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BiometricAttemptResult, SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import { isAppError } from '../../../schemas/errors';
import { loadStpIdSchema } from '../../../schemas/data/stpDemoSpecs';
import type { FieldIssue, FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import { findOutbox } from '../../../electron/services/db/repos/outbox';
import { replaceConfig } from '../../../electron/services/db/repos/syncConfig';
import { inspectPacket } from '../../../electron/services/packets/packetInspector';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { openSubpacket } from '../../helpers/openSubpacket';
import { useRegistrationApp } from './useRegistrationApp';
import { DEMOGRAPHICS, operationsData, scan, two } from './registrationFixtures';
import { pdfText, receiptLines } from '../../unit/electron/services/registration/pdfText';
import { replyValue } from '../../helpers/replyValue';

const OFFICER_PASSWORD = 'Officer#2026';

/** metaInfo operationsData once the officer typed the password for this packet, and no supervisor did. */
const OPERATIONS_AFTER_PASSWORD = {
  officerId: 'officer1', officerBiometricFileName: null, supervisorId: null, supervisorBiometricFileName: null,
  supervisorPassword: 'false', officerPassword: 'true', supervisorPIN: null, officerPIN: null,
  supervisorOTPAuthentication: 'false', officerOTPAuthentication: 'false',
};

describe('registration drafts through the Router (device simulator, real worker, encrypted store)', () => {
  const app = useRegistrationApp({ userId: 'officer1', password: OFFICER_PASSWORD });
  const { progress, call } = app;
  const value = replyValue;
  const error = (reply: Reply) => (reply.ok ? { code: 'ok', details: {} } : reply.error);
  const login = async (userId: string, password: string) => value(await call('auth.login', { userId, password }));
  const create = async () => value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
  const save = async (draft: RegistrationDraft, values: Readonly<Record<string, FormFieldValue>>) =>
    value<{ savedAt: number }>(await call('drafts.save', { draft: { ...draft, values: { ...draft.values, ...values } } }));
  const get = async (draftId: string) => value<RegistrationDraft>(await call('drafts.get', { draftId }));
  const capture = async (draftId: string, modality: string, exceptions: string[] = []) =>
    value<BiometricAttemptResult>(await call('drafts.captureBiometrics', { draftId, fieldId: 'individualBiometrics', modality, exceptions }));
  const attach = async (draftId: string, fieldId: string, documentType: string, files: unknown[]) =>
    call('drafts.attachDocument', { draftId, fieldId, documentType, refNumber: null, files });

  it('serves the São Tomé demo bundle until a sync brings UI specs', async () => {
    const bundle = value<{ processes: { id: string }[]; masterData: { locations: { code: string }[] } }>(await call('registration.formBundle', {}));
    assert.deepEqual(bundle.processes.map((p) => p.id), ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH']);
    assert.equal(bundle.masterData.locations.some((l) => l.code === 'AGR'), true);
  });

  it('takes a NEW registration from draft to committed packet and receipt, then forgets the draft', async () => {
    const draft = await create();
    assert.deepEqual([draft.process, draft.languages, draft.version], ['NEW', ['por', 'eng'], 1]);
    await save(draft, DEMOGRAPHICS);
    const poi = value<FormFieldValue>(await attach(draft.draftId, 'proofOfIdentity', 'CIN', [scan('jpg'), scan('png')]));
    const poa = value<FormFieldValue>(await attach(draft.draftId, 'proofOfAddress', 'RNC', [scan('png')]));
    assert.equal(poi.type === 'document' && poi.format === 'pdf' && poi.sizeBytes > 0, true);
    // the page's next autosave carries the document values it got back
    await save(await get(draft.draftId), { proofOfIdentity: poi, proofOfAddress: poa });

    const left = await capture(draft.draftId, 'left-slap', ['Left LittleFinger']);
    assert.deepEqual([left.decision, left.attempt, left.exceptions], ['accepted', 1, ['leftLittle']]);
    assert.deepEqual(left.attributes.map((a) => a.attribute).sort(), ['leftIndex', 'leftMiddle', 'leftRing']);

    app.simulator.device('finger').score = 30;
    const low = [await capture(draft.draftId, 'right-slap'), await capture(draft.draftId, 'right-slap'), await capture(draft.draftId, 'right-slap')];
    assert.deepEqual(low.map((r) => [r.decision, r.attempt, r.attemptsLeft, r.threshold]), [['retry', 1, 2, 40], ['retry', 2, 1, 40], ['forceCaptured', 3, 0, 40]]);
    assert.equal(low[0]!.value.type === 'biometrics' && low[0]!.value.captured.includes('rightIndex'), false, 'a retry is not yet in the draft');
    assert.equal(low[2]!.value.type === 'biometrics' && low[2]!.value.captured.includes('rightIndex'), true);
    assert.equal(error(await call('drafts.captureBiometrics', { draftId: draft.draftId, fieldId: 'individualBiometrics', modality: 'right-slap', exceptions: [] })).code, 'ERR_REG_BIOMETRIC_NO_ATTEMPTS_LEFT');
    app.simulator.device('finger').score = undefined;
    // the tiles: every attempt with its quality, the kept one marked, the same after a resume
    const history = low.map((r) => ({ attempt: r.attempt, averageQuality: r.averageQuality, kept: r.attempt === low[2]!.keptAttempt }));
    assert.deepEqual(low[2]!.history, history);
    assert.deepEqual(low[1]!.history, history.slice(0, 2).map((h) => ({ ...h, kept: h.attempt === low[1]!.keptAttempt })));
    const resumed = value<BiometricAttemptResult[]>(await call('drafts.biometrics', { draftId: draft.draftId }));
    assert.deepEqual(resumed.find((r) => r.modality === 'right-slap')?.history, history);

    await capture(draft.draftId, 'thumbs');
    await capture(draft.draftId, 'iris');
    const face = await capture(draft.draftId, 'face');
    assert.equal(face.decision, 'accepted');
    assert.deepEqual([...Buffer.from(face.attributes[0]!.thumbnailBase64!, 'base64').subarray(0, 2)], [0xff, 0xd8]);
    const photo = await capture(draft.draftId, 'exception-photo');
    assert.deepEqual([photo.decision, photo.exceptions], ['accepted', ['leftLittle']]);

    const stored = await get(draft.draftId);
    assert.deepEqual(stored.values['individualBiometrics'], {
      type: 'biometrics',
      captured: ['rightIndex', 'rightMiddle', 'rightRing', 'rightLittle', 'rightThumb', 'leftIndex', 'leftMiddle', 'leftRing', 'leftThumb', 'rightEye', 'leftEye', 'face'],
      exceptions: ['leftLittle'],
    } satisfies FormFieldValue);
    assert.equal(stored.values['proofOfException']?.type === 'document' && stored.values['proofOfException'].documentType, 'EOP');
    // a late autosave of an older page state cannot wipe captures: biometric values are the back end's
    await save(stored, { individualBiometrics: { type: 'biometrics', captured: [], exceptions: [] } });
    assert.deepEqual((await get(draft.draftId)).values['individualBiometrics'], stored.values['individualBiometrics']);

    assert.deepEqual(value<{ issues: FieldIssue[]; reviewerRequired: boolean }>(await call('drafts.validate', { draftId: draft.draftId })), { issues: [], reviewerRequired: true });
    // a missing finger: a supervisor reviews (exception_auth)
    const reviewer = { userId: 'supervisor1', password: 'Supervisor#2026' };
    const [first, second] = await Promise.all([
      call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: OFFICER_PASSWORD, reviewer }),
      call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: OFFICER_PASSWORD, reviewer }),
    ]);
    assert.equal(error(second).code, 'ERR_REG_DRAFT_BUSY', 'a second submit while building makes no second packet');
    const result = value<SubmitResult>(first);
    assert.match(result.packet.rid, /^1000110002\d{19}$/);
    // the RID sync will carry the resident's name (first data language), phone and no email (RegistrationDAOImpl.save)
    assert.deepEqual(findOutbox(app.services.data.db, result.packet.packetId)?.syncContact, { name: 'Maria Quaresma Neves', email: null, phone: '+2399912345' });
    assert.deepEqual(progress.at(-1), { draftId: draft.draftId, stage: 'done', fraction: 1 });
    const report = await inspectPacket({
      bytes: readFileSync(result.packet.file),
      fileName: result.packet.file.split('/').pop()!,
      regKey: app.pki.regKey,
      machinePublicKey: app.services.data.machineKey.publicKey,
      idSchema: parseIdSchema(loadStpIdSchema()),
    });
    assert.deepEqual(report.checks.filter((c) => !c.ok), []);
    const idPacket = await openSubpacket(readFileSync(result.packet.file), app.pki.regKey, 'id');
    const identity = idPacket.get('ID.json')!.identity as Record<string, unknown>;
    assert.deepEqual(identity['gender'], [{ language: 'por', value: 'Feminino' }, { language: 'eng', value: 'Female' }]);
    assert.deepEqual(identity['preferredLang'], 'por');
    const meta = idPacket.get('packet_meta_info.json')!.identity as Record<string, Record<string, Record<string, unknown>>>;
    const excepted = meta['exceptionBiometrics']!['individualBiometrics'] as Record<string, { missingBiometric: string; reason: string; exceptionType: string; individualType: string }>;
    // as the 1.2 client writes them: "Temporary" twice, and the field's subType (GenericBiometricsController)
    assert.deepEqual(Object.values(excepted).map((e) => [e.missingBiometric, e.reason, e.exceptionType, e.individualType]), [['leftLittle', 'Temporary', 'Temporary', 'applicant']]);
    assert.deepEqual(operationsData(meta), { ...OPERATIONS_AFTER_PASSWORD, supervisorId: 'supervisor1', supervisorPassword: 'true' });
    const bio = meta['biometrics']!['individualBiometrics'] as Record<string, { numRetry: number; forceCaptured: boolean }>;
    assert.deepEqual([bio['rightIndex']?.numRetry, bio['rightIndex']?.forceCaptured, bio['leftIndex']?.numRetry, bio['leftIndex']?.forceCaptured], [3, true, 1, false]);
    const evidence = (await openSubpacket(readFileSync(result.packet.file), app.pki.regKey, 'evidence')).get('ID.json')!.identity as Record<string, { type?: string; format?: string }>;
    assert.deepEqual([evidence['proofOfException']?.type, evidence['proofOfException']?.format], ['EOP', 'jpg']);
    const receipt = Buffer.from(result.receiptPdfBase64, 'base64');
    assert.equal(receipt.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(receipt.length > 1000);
    // the content the acknowledgement screen shows is the PDF's, word for word (long lines wrap in the PDF)
    assert.equal(result.receipt.rid.value, result.packet.rid);
    const words = (text: string) => text.split(/\s+/);
    assert.deepEqual(words(await pdfText(receipt)), words(receiptLines(result.receipt).join(' ')));
    // a document type by its master-data name in the receipt language; a type the master data lacks by its code
    const documentsLines = receiptLines(result.receipt).join('\n');
    assert.match(documentsLines, /Bilhete de identidade/);
    assert.match(documentsLines, /RNC/);
    assert.equal(error(await call('drafts.get', { draftId: draft.draftId })).code, 'ERR_REG_DRAFT_NOT_FOUND');
    assert.deepEqual(value(await call('drafts.list', {})), { items: [], total: 0, nextCursor: null });
  });

  /** A draft with nothing left to fix: demographics, both documents, every biometric accepted. */
  const readyDraft = async (): Promise<RegistrationDraft> => {
    const draft = await create();
    await save(draft, DEMOGRAPHICS);
    const poi = value<FormFieldValue>(await attach(draft.draftId, 'proofOfIdentity', 'CIN', [scan('png')]));
    const poa = value<FormFieldValue>(await attach(draft.draftId, 'proofOfAddress', 'RNC', [scan('png')]));
    await save(await get(draft.draftId), { proofOfIdentity: poi, proofOfAddress: poa });
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face']) assert.equal((await capture(draft.draftId, modality)).decision, 'accepted', modality);
    assert.deepEqual(value<{ issues: FieldIssue[] }>(await call('drafts.validate', { draftId: draft.draftId })).issues, []);
    return draft;
  };
  const submit = (draftId: string, password: string) => call('drafts.submit', { draftId, receiptLanguage: 'por', password });
  const packetCount = () => (app.services.data.db.prepare('SELECT count(*) AS n FROM packets').get() as { n: number }).n;
  const authEvents = () =>
    app.services.data.audit.recent(100).reverse().filter((e) => e.event.startsWith('OPERATOR_AUTH_') || e.event.startsWith('LOGIN_')).map((e) => [e.event, e.actor, e.details]);

  it('builds nothing on a wrong password, keeps the draft, audits the failure, then builds with the right one', async () => {
    const draft = await readyDraft();
    const before = authEvents();
    const refused = error(await submit(draft.draftId, 'Officer#2025'));
    assert.deepEqual([refused.code, refused.details], ['ERR_REG_OPERATOR_AUTH_FAILED', { draftId: draft.draftId, attemptsLeft: 4 }]);
    assert.equal(packetCount(), 0);
    assert.deepEqual(progress, [], 'no build started');
    assert.equal((await get(draft.draftId)).draftId, draft.draftId);
    assert.deepEqual(authEvents().slice(before.length), [['OPERATOR_AUTH_FAILED', 'officer1', { process: 'packet_auth', reason: 'wrong-password', failures: 1 }]]);

    const result = value<SubmitResult>(await submit(draft.draftId, OFFICER_PASSWORD));
    assert.deepEqual(progress[0], { draftId: draft.draftId, stage: 'validate', fraction: 0 });
    assert.deepEqual(authEvents().slice(before.length + 1), [['OPERATOR_AUTH_SUCCESS', 'officer1', { process: 'packet_auth', roles: ['REGISTRATION_OFFICER'] }]]);
    const report = await inspectPacket({
      bytes: readFileSync(result.packet.file), fileName: result.packet.file.split('/').pop()!, regKey: app.pki.regKey,
      machinePublicKey: app.services.data.machineKey.publicKey, idSchema: parseIdSchema(loadStpIdSchema()),
    });
    assert.deepEqual(report.checks.filter((c) => !c.ok), []);
    const idPacket = await openSubpacket(readFileSync(result.packet.file), app.pki.regKey, 'id');
    assert.deepEqual(operationsData(idPacket.get('packet_meta_info.json')!.identity), OPERATIONS_AFTER_PASSWORD);
    const audits = idPacket.get('audit.json') as unknown as { eventName: string; sessionUserId: string }[];
    assert.deepEqual(audits.filter((a) => a.eventName === 'REG_OPERATOR_AUTH_PASSWORD').map((a) => a.sessionUserId), ['officer1']);
    assert.equal(JSON.stringify(app.services.data.audit.recent(200)).includes('Officer#202'), false, 'no password in the audit log');
    assert.equal(error(await call('drafts.get', { draftId: draft.draftId })).code, 'ERR_REG_DRAFT_NOT_FOUND');
  });

  it("refuses another operator's password and any attempt to name another operator", async () => {
    const draft = await readyDraft();
    const refused = error(await submit(draft.draftId, 'Supervisor#2026'));
    assert.deepEqual([refused.code, refused.details], ['ERR_REG_OPERATOR_AUTH_FAILED', { draftId: draft.draftId, attemptsLeft: 4 }]);
    const named = error(await call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: 'Supervisor#2026', userId: 'supervisor1' }));
    assert.equal(named.code, 'ERR_IPC_INVALID_INPUT');
    assert.equal(error(await submit(draft.draftId, '')).code, 'ERR_IPC_INVALID_INPUT', 'an empty password is refused by the contract');
    assert.equal(packetCount(), 0);
    assert.equal((await get(draft.draftId)).draftId, draft.draftId);
    assert.deepEqual(authEvents().filter(([event]) => event === 'OPERATOR_AUTH_FAILED').map(([, actor]) => actor), ['officer1'], 'the failure counts against the session operator only');
  });

  it('locks after repeated wrong passwords exactly as login does, and the lock holds for login too', async () => {
    const draft = await readyDraft();
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const e = error(await submit(draft.draftId, `wrong-${i}`));
      codes.push([e.code, (e.details as { attemptsLeft?: number }).attemptsLeft]);
    }
    assert.deepEqual(codes, [['ERR_REG_OPERATOR_AUTH_FAILED', 4], ['ERR_REG_OPERATOR_AUTH_FAILED', 3], ['ERR_REG_OPERATOR_AUTH_FAILED', 2], ['ERR_REG_OPERATOR_AUTH_FAILED', 1], ['ERR_AUTH_LOCKED', undefined]]);
    assert.equal(error(await submit(draft.draftId, OFFICER_PASSWORD)).code, 'ERR_AUTH_LOCKED', 'even the right password while locked');
    assert.equal(packetCount(), 0);
    await call('auth.logout', {});
    assert.equal(error(await call('auth.login', { userId: 'officer1', password: OFFICER_PASSWORD })).code, 'ERR_AUTH_LOCKED', 'one lockout for login and packet authentication');
    app.clock.advance(2 * 60_000);
    await login('officer1', OFFICER_PASSWORD);
    assert.match(value<SubmitResult>(await submit(draft.draftId, OFFICER_PASSWORD)).packet.rid, /^\d{29}$/);
    assert.equal(packetCount(), 1);
  });

  it('names the field and rule of invalid input, and keeps the draft when submit refuses', async () => {
    const draft = await create();
    const { fullName: _omitted, ...rest } = DEMOGRAPHICS;
    void _omitted;
    await save(draft, { ...rest, phone: { type: 'text', value: '12345' } });
    const { issues } = value<{ issues: FieldIssue[] }>(await call('drafts.validate', { draftId: draft.draftId }));
    const byField = new Map(issues.map((i) => [i.fieldId, i.rule]));
    assert.equal(byField.get('phone'), 'regex');
    assert.equal(byField.get('fullName'), 'required');
    assert.equal(byField.get('individualBiometrics'), 'biometrics');
    assert.equal(byField.get('proofOfIdentity'), 'required');
    assert.equal(byField.has('gender'), false);
    const refused = error(await call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: OFFICER_PASSWORD }));
    assert.equal(refused.code, 'ERR_REG_DRAFT_INCOMPLETE');
    assert.deepEqual(refused.details, { draftId: draft.draftId, count: issues.length, fieldId: issues[0]!.fieldId, rule: issues[0]!.rule });
    assert.equal((await get(draft.draftId)).draftId, draft.draftId);
    assert.equal(error(await call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'spa', password: OFFICER_PASSWORD })).code, 'ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED');
    assert.equal(app.services.data.audit.recent(20).some((e) => e.event === 'OPERATOR_AUTH_FAILED' || e.event === 'OPERATOR_AUTH_SUCCESS'), false, 'a draft that cannot be built costs no password attempt');
  });

  it("refuses another officer's draft, lists only one's own, and discards with attachments", async () => {
    const mine = await create();
    await save(mine, { fullName: two('Maria Quaresma Neves', 'Mary') });
    value(await attach(mine.draftId, 'proofOfAddress', 'RNC', [scan('png')]));
    const listed = value<{ items: { draftId: string; residentName: string | null }[]; total: number }>(await call('drafts.list', {}));
    assert.equal(listed.total, 1);
    assert.deepEqual(listed.items.map((d) => [d.draftId, d.residentName]), [[mine.draftId, 'Maria Quaresma Neves']]);
    await call('auth.logout', {});
    await login('supervisor1', 'Supervisor#2026');
    assert.deepEqual(value(await call('drafts.list', {})), { items: [], total: 0, nextCursor: null });
    for (const [method, input] of [
      ['drafts.get', { draftId: mine.draftId }],
      ['drafts.discard', { draftId: mine.draftId }],
      ['drafts.save', { draft: mine }],
      ['drafts.validate', { draftId: mine.draftId }],
    ] as const) {
      const refused = error(await call(method, input));
      assert.deepEqual([refused.code, refused.details], ['ERR_REG_DRAFT_NOT_OWNER', { draftId: mine.draftId }], method);
    }
    await call('auth.logout', {});
    await login('officer1', 'Officer#2026');
    value(await call('drafts.discard', { draftId: mine.draftId }));
    assert.equal(error(await call('drafts.get', { draftId: mine.draftId })).code, 'ERR_REG_DRAFT_NOT_FOUND');
    const db = app.services.data.db;
    for (const table of ['drafts', 'draft_documents', 'draft_captures']) {
      assert.equal((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, 0, table);
    }
    assert.equal(app.services.data.audit.recent(3).some((e) => e.event === 'DRAFT_DISCARDED' && e.actor === 'officer1'), true);
  });

  it('refuses a document above the configured size and a wrong field; ignores a forged document value', async () => {
    const draft = await create();
    replaceConfig(app.services.data.db, 'registration', { 'mosip.registration.document_size': '600' }, app.services.clock.now());
    const big = error(await attach(draft.draftId, 'proofOfAddress', 'RNC', [scan('png', 300, 300)]));
    assert.equal(big.code, 'ERR_REG_DOCUMENT_TOO_LARGE');
    assert.equal((big.details as { limitBytes: number }).limitBytes, 600);
    assert.deepEqual(error(await attach(draft.draftId, 'fullName', 'RNC', [scan('png')])).details, { fieldId: 'fullName', expected: 'fileupload' });
    const forged: FormFieldValue = { type: 'document', documentType: 'RNC', format: 'pdf', refNumber: null, storageId: 'not-stored', sizeBytes: 10 };
    value(await call('drafts.save', { draft: { ...draft, values: { proofOfAddress: forged } } }));
    assert.equal((await get(draft.draftId)).values['proofOfAddress'], undefined, 'a value naming no stored scan is not kept');
  });

  it('refuses a truncated photo by file and rule, and stores nothing for it (issue 13)', async () => {
    const draft = await create();
    const whole = Buffer.from(scan('jpg', 320, 240).base64, 'base64');
    const cut = { name: 'telemovel.jpg', mimeType: 'image/jpeg', base64: whole.subarray(0, whole.length - 200).toString('base64') };
    const refused = error(await attach(draft.draftId, 'proofOfAddress', 'RNC', [scan('png'), cut]));
    assert.deepEqual({ code: refused.code, details: refused.details }, { code: 'ERR_REG_DOCUMENT_IMAGE_TRUNCATED', details: { name: 'telemovel.jpg', format: 'jpg' } });
    assert.equal((await get(draft.draftId)).values['proofOfAddress'], undefined);
    assert.equal((app.services.data.db.prepare('SELECT count(*) AS n FROM draft_documents WHERE draft_id = ?').get(draft.draftId) as { n: number }).n, 0);
  });

  it('refuses a new draft while an offline limit is hit, with the limit’s code', async () => {
    replaceConfig(app.services.data.db, 'registration', { 'mosip.registration.disk_space_size': String(1024 * 1024 * 1024) }, app.services.clock.now());
    assert.equal(error(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] })).code, 'ERR_SYNC_LIMIT_DISK_SPACE');
    assert.deepEqual(value(await call('drafts.list', {})), { items: [], total: 0, nextCursor: null });
  });

  it('records a modality marked missing as a whole without asking the device', async () => {
    const draft = await create();
    app.simulator.device('iris').status = 'Not Ready';
    try {
      const result = await capture(draft.draftId, 'iris', ['Left', 'Right']);
      assert.deepEqual([result.decision, result.attributes, result.exceptions], ['accepted', [], ['leftEye', 'rightEye']]);
      assert.deepEqual(result.value, { type: 'biometrics', captured: [], exceptions: ['rightEye', 'leftEye'] });
    } finally {
      app.simulator.device('iris').status = 'Ready';
    }
  });

  it('never lets a rejected capture into the draft', async () => {
    const draft = await create();
    app.simulator.device('iris').status = 'Not Ready';
    try {
      const reply = error(await call('drafts.captureBiometrics', { draftId: draft.draftId, fieldId: 'individualBiometrics', modality: 'iris', exceptions: [] }));
      assert.match(reply.code, /^ERR_SBI_/);
    } finally {
      app.simulator.device('iris').status = 'Ready';
    }
    assert.equal((await get(draft.draftId)).values['individualBiometrics'], undefined);
    assert.equal((app.services.data.db.prepare('SELECT count(*) AS n FROM draft_captures').get() as { n: number }).n, 0);
  });

  it('a submit cancelled during the build makes no packet and keeps the draft, which submits later', async () => {
    const draft = await readyDraft();
    const controller = new AbortController();
    const onProgress = (p: { stage: string }) => void (p.stage === 'zip' && controller.abort());
    const request = { operatorId: 'officer1', draftId: draft.draftId, receiptLanguage: 'por', password: OFFICER_PASSWORD };
    await assert.rejects(app.services.registration.submitter.submit(request, onProgress, controller.signal), (e: unknown) => isAppError(e) && e.is('ERR_PACKET_BUILD_CANCELLED'));
    assert.equal(packetCount(), 0);
    assert.equal((await get(draft.draftId)).draftId, draft.draftId);
    assert.match(value<SubmitResult>(await submit(draft.draftId, OFFICER_PASSWORD)).packet.rid, /^1000110002/);
  });
});
