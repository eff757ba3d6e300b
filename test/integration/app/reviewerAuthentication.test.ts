import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { BiometricAttemptResult, SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import { PacketBuildStage } from '../../../schemas/packet';
import { loadStpIdSchema } from '../../../schemas/data/stpDemoSpecs';
import type { FieldIssue, FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import { inspectPacket } from '../../../electron/services/packets/packetInspector';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { openSubpacket } from '../../helpers/openSubpacket';
import { useRegistrationApp } from './useRegistrationApp';
import { DEMOGRAPHICS, operationsData, scan } from './registrationFixtures';
import { replyValue } from '../../helpers/replyValue';

const OFFICER_PASSWORD = 'Officer#2026';
const SUPERVISOR = { userId: 'supervisor1', password: 'Supervisor#2026' } as const;

describe('supervisor review (exception_auth) of registrations with biometric exceptions, through the Router', () => {
  const app = useRegistrationApp({ userId: 'officer1', password: OFFICER_PASSWORD });
  const { progress, call } = app;
  const value = replyValue;
  const error = (reply: Reply) => (reply.ok ? { code: 'ok', details: {} } : reply.error);
  const login = async (userId: string, password: string) => value(await call('auth.login', { userId, password }));
  const get = async (draftId: string) => value<RegistrationDraft>(await call('drafts.get', { draftId }));
  const capture = async (draftId: string, modality: string, exceptions: string[] = []) =>
    value<BiometricAttemptResult>(await call('drafts.captureBiometrics', { draftId, fieldId: 'individualBiometrics', modality, exceptions }));
  const validate = async (draftId: string) => value<{ issues: FieldIssue[]; reviewerRequired: boolean }>(await call('drafts.validate', { draftId }));
  const submit = (draftId: string, reviewer?: { userId: string; password: string }, password = OFFICER_PASSWORD) =>
    call('drafts.submit', { draftId, receiptLanguage: 'por', password, ...(reviewer ? { reviewer } : {}) });
  const packetCount = () => (app.services.data.db.prepare('SELECT count(*) AS n FROM packets').get() as { n: number }).n;
  const events = (prefixes: readonly string[]) =>
    app.services.data.audit.recent(200).reverse().filter((e) => prefixes.some((p) => e.event.startsWith(p))).map((e) => [e.event, e.actor, e.details]);
  const failedLogins = (userId: string) => (app.services.data.db.prepare('SELECT failed_logins AS n FROM operators WHERE user_id = ?').get(userId) as { n: number }).n;

  /** A complete draft; `missingFinger` marks the left little finger missing (an exception, with its photo). */
  const readyDraft = async (missingFinger: boolean): Promise<RegistrationDraft> => {
    const draft = value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
    value(await call('drafts.save', { draft: { ...draft, values: { ...draft.values, ...DEMOGRAPHICS } } }));
    const attach = async (fieldId: string, documentType: string) =>
      value<FormFieldValue>(await call('drafts.attachDocument', { draftId: draft.draftId, fieldId, documentType, refNumber: null, files: [scan('png')] }));
    const poi = await attach('proofOfIdentity', 'CIN');
    const poa = await attach('proofOfAddress', 'RNC');
    const saved = await get(draft.draftId);
    value(await call('drafts.save', { draft: { ...saved, values: { ...saved.values, proofOfIdentity: poi, proofOfAddress: poa } } }));
    assert.equal((await capture(draft.draftId, 'left-slap', missingFinger ? ['Left LittleFinger'] : [])).decision, 'accepted');
    for (const modality of ['right-slap', 'thumbs', 'iris', 'face']) assert.equal((await capture(draft.draftId, modality)).decision, 'accepted', modality);
    if (missingFinger) assert.equal((await capture(draft.draftId, 'exception-photo')).decision, 'accepted');
    assert.deepEqual(await validate(draft.draftId), { issues: [], reviewerRequired: missingFinger });
    return draft;
  };

  const packetOf = async (result: SubmitResult) => {
    const bytes = readFileSync(result.packet.file);
    const report = await inspectPacket({
      bytes, fileName: result.packet.file.split('/').pop()!, regKey: app.pki.regKey,
      machinePublicKey: app.services.data.machineKey.publicKey, idSchema: parseIdSchema(loadStpIdSchema()),
    });
    assert.deepEqual(report.checks.filter((c) => !c.ok), []);
    const id = await openSubpacket(bytes, app.pki.regKey, 'id');
    const audits = id.get('audit.json') as unknown as { eventName: string; sessionUserId: string }[];
    return { operations: operationsData(id.get('packet_meta_info.json')!.identity), audits: audits.map((a) => [a.eventName, a.sessionUserId]) };
  };

  /**
   * The window saw one build in this test, of this draft, through every stage in order. The hook
   * empties the events before each test, so a build of an earlier test would show here.
   */
  const assertBuiltOnce = (draftId: string) => {
    assert.deepEqual([...new Set(progress.map((p) => p.draftId))], [draftId], 'progress names this draft only');
    assert.deepEqual(progress.map((p) => p.stage).filter((stage, i, all) => stage !== all[i - 1]), PacketBuildStage.options, 'one pass through the stages');
    assert.deepEqual([progress[0]?.fraction, progress.at(-1)?.fraction], [0, 1]);
  };

  /** Nothing was built and the draft is still there. */
  const assertNothingBuilt = async (draftId: string) => {
    assert.equal(packetCount(), 0);
    assert.deepEqual(progress, [], 'no build started');
    assert.equal((await get(draftId)).draftId, draftId);
  };

  it('asks for a reviewer before any password, refuses the officer and a non-supervisor, builds nothing', async () => {
    const draft = await readyDraft(true);
    const before = events(['OPERATOR_AUTH_', 'LOGIN_']).length;
    const missing = error(await submit(draft.draftId));
    assert.deepEqual([missing.code, missing.details], ['ERR_REG_REVIEWER_REQUIRED', { draftId: draft.draftId }]);
    // even with a wrong officer password: the missing reviewer is named first, and costs no attempt
    assert.equal(error(await submit(draft.draftId, undefined, 'Officer#2025')).code, 'ERR_REG_REVIEWER_REQUIRED');

    const self = error(await submit(draft.draftId, { userId: 'officer1', password: OFFICER_PASSWORD }));
    assert.deepEqual([self.code, self.details], ['ERR_REG_REVIEWER_IS_OPERATOR', { draftId: draft.draftId, userId: 'officer1' }]);

    await app.services.auth.createOperator({ userId: 'officer2', name: 'Outro Oficial', roles: ['REGISTRATION_OFFICER'], password: 'Outro-Oficial#2026', language: 'por' }, null);
    for (const userId of ['officer2', 'viewer1', 'nobody']) {
      const refused = error(await submit(draft.draftId, { userId, password: 'whatever' }));
      assert.deepEqual([refused.code, refused.details], ['ERR_REG_REVIEWER_NOT_SUPERVISOR', { draftId: draft.draftId, userId }], userId);
    }
    assert.equal(failedLogins('officer2'), 0, 'a refused reviewer is not charged an attempt');
    assert.deepEqual(events(['OPERATOR_AUTH_', 'LOGIN_']).slice(before), [], 'no password was checked at all');
    assert.deepEqual(
      events(['DRAFT_REVIEW']).map(([event, actor, details]) => [event, actor, (details as { reviewerId: string }).reviewerId, (details as { reason: string }).reason]),
      [
        ['DRAFT_REVIEW_REFUSED', 'officer1', 'officer1', 'same-as-operator'],
        ['DRAFT_REVIEW_REFUSED', 'officer1', 'officer2', 'not-supervisor'],
        ['DRAFT_REVIEW_REFUSED', 'officer1', 'viewer1', 'not-supervisor'],
        ['DRAFT_REVIEW_REFUSED', 'officer1', 'nobody', 'unknown-operator'],
      ],
    );
    assert.equal(error(await call('drafts.submit', { draftId: draft.draftId, receiptLanguage: 'por', password: OFFICER_PASSWORD, reviewer: { userId: '', password: 'x' } })).code, 'ERR_IPC_INVALID_INPUT', 'an empty reviewer id is refused by the contract');
    await assertNothingBuilt(draft.draftId);
  });

  it("charges a wrong reviewer password to the supervisor's lockout only, and a wrong officer password to the officer only", async () => {
    const draft = await readyDraft(true);
    const wrongReviewer = error(await submit(draft.draftId, { ...SUPERVISOR, password: 'Supervisor#2025' }));
    assert.deepEqual([wrongReviewer.code, wrongReviewer.details], ['ERR_REG_REVIEWER_AUTH_FAILED', { draftId: draft.draftId, userId: 'supervisor1', attemptsLeft: 4 }]);
    assert.deepEqual([failedLogins('supervisor1'), failedLogins('officer1')], [1, 0]);

    const wrongOfficer = error(await submit(draft.draftId, SUPERVISOR, 'Officer#2025'));
    assert.equal(wrongOfficer.code, 'ERR_REG_OPERATOR_AUTH_FAILED');
    assert.deepEqual([failedLogins('supervisor1'), failedLogins('officer1')], [1, 1], 'the officer is checked first: the right reviewer password was not even tried');
    assert.deepEqual(
      events(['OPERATOR_AUTH_FAILED']).map(([, actor, details]) => [actor, (details as { process: string }).process]),
      [['supervisor1', 'exception_auth'], ['officer1', 'packet_auth']],
    );
    await assertNothingBuilt(draft.draftId);

    for (let i = 0; i < 4; i++) error(await submit(draft.draftId, { ...SUPERVISOR, password: `wrong-${i}` }));
    const locked = error(await submit(draft.draftId, SUPERVISOR));
    assert.deepEqual([locked.code, locked.details], ['ERR_REG_REVIEWER_LOCKED', { draftId: draft.draftId, userId: 'supervisor1', minutes: 2 }]);
    await call('auth.logout', {});
    assert.equal(error(await call('auth.login', SUPERVISOR)).code, 'ERR_AUTH_LOCKED', 'one lockout for login and review');
    app.clock.advance(2 * 60_000);
    await login('officer1', OFFICER_PASSWORD);
    value<SubmitResult>(await submit(draft.draftId, SUPERVISOR));
    assert.equal(packetCount(), 1);
    assertBuiltOnce(draft.draftId);
    assert.equal(JSON.stringify(app.services.data.audit.recent(300)).includes('#202'), false, 'no password in the audit log');
  });

  it('with the right supervisor, the packet names them (supervisorId, supervisorPassword true) and audits both', async () => {
    const draft = await readyDraft(true);
    const result = value<SubmitResult>(await submit(draft.draftId, SUPERVISOR));
    assertBuiltOnce(draft.draftId);
    const { operations, audits } = await packetOf(result);
    assert.deepEqual([operations['officerId'], operations['officerPassword'], operations['supervisorId'], operations['supervisorPassword']], ['officer1', 'true', 'supervisor1', 'true']);
    assert.deepEqual(audits.filter(([name]) => name!.endsWith('_AUTH_PASSWORD')), [['REG_OPERATOR_AUTH_PASSWORD', 'officer1'], ['REG_SUPERVISOR_AUTH_PASSWORD', 'supervisor1']]);
    assert.deepEqual(
      events(['OPERATOR_AUTH_SUCCESS', 'DRAFT_REVIEWED']).map(([event, actor, details]) => [event, actor, (details as { process?: string; reviewerId?: string }).process ?? (details as { reviewerId?: string }).reviewerId]),
      [['OPERATOR_AUTH_SUCCESS', 'officer1', 'packet_auth'], ['OPERATOR_AUTH_SUCCESS', 'supervisor1', 'exception_auth'], ['DRAFT_REVIEWED', 'officer1', 'supervisor1']],
    );
    assert.equal(error(await call('drafts.get', { draftId: draft.draftId })).code, 'ERR_REG_DRAFT_NOT_FOUND');
  });

  it('needs no reviewer without exceptions, and ignores one given', async () => {
    const draft = await readyDraft(false);
    const { operations } = await packetOf(value<SubmitResult>(await submit(draft.draftId, { userId: 'viewer1', password: 'wrong' })));
    assertBuiltOnce(draft.draftId);
    assert.deepEqual([operations['supervisorId'], operations['supervisorPassword']], [null, 'false']);
    assert.equal(failedLogins('viewer1'), 0);
  });

  it('needs no reviewer once a supervisor turned the setting off (audited), read at each submit', async () => {
    const draft = await readyDraft(true);
    await call('auth.logout', {});
    await login(SUPERVISOR.userId, SUPERVISOR.password);
    const settings = value<Record<string, unknown>>(await call('settings.get', {}));
    assert.equal(settings['reviewerAuthentication'], true, 'on by default');
    value(await call('settings.update', { ...settings, reviewerAuthentication: false }));
    assert.deepEqual(events(['SETTINGS_CHANGED']).map(([, actor, details]) => [actor, details]), [['supervisor1', { changed: ['reviewerAuthentication'], before: { reviewerAuthentication: true }, after: { reviewerAuthentication: false } }]]);
    await call('auth.logout', {});
    await login('officer1', OFFICER_PASSWORD);
    assert.equal(error(await call('settings.update', { ...settings, reviewerAuthentication: false })).code, 'ERR_AUTH_FORBIDDEN', 'an officer cannot turn it off');
    assert.deepEqual(await validate(draft.draftId), { issues: [], reviewerRequired: false });
    const { operations } = await packetOf(value<SubmitResult>(await submit(draft.draftId)));
    assertBuiltOnce(draft.draftId);
    assert.deepEqual([operations['officerPassword'], operations['supervisorId'], operations['supervisorPassword']], ['true', null, 'false']);
  });
});
