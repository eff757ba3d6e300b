import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createRegistrationStore, type RegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { biometricsSelectors } from '../../../../../../renderer/features/registration/store/slices/biometrics/selectors';
import { documentsSelectors } from '../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { draftSelectors } from '../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { formSelectors } from '../../../../../../renderer/features/registration/store/slices/form/selectors';
import { submitSelectors } from '../../../../../../renderer/features/registration/store/slices/submit/selectors';
import { initialRegistrationState } from '../../../../../../renderer/features/registration/store/initialState';
import { FakeRegistrationApi, FAKE_DOCUMENT_LIMIT, FAKE_PRID, FAKE_RECEIPT } from './fakeRegistrationApi';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const PDF = { name: 'bi.pdf', mimeType: 'application/pdf' as const, base64: 'JVBERi0xLjQK' };

describe('registration store logic (contract-shaped fake back end, as the browser harness uses)', () => {
  let fake: FakeRegistrationApi;
  let store: RegistrationStore;
  let clock: number;

  beforeEach(() => {
    clock = NOW;
    fake = new FakeRegistrationApi(() => clock);
    store = createRegistrationStore(fake.api, () => clock);
  });

  const state = () => store.getState();
  const calls = (method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.input);
  const screenName = () => formSelectors.currentScreen(state().form)?.name;

  async function fillConsent() {
    state().setValue('consent', { type: 'flag', checked: true });
    state().setValue('preferredLang', { type: 'code', code: 'por' });
    await state().next();
  }
  async function fillDemographics(dateOfBirth = '1990/05/17') {
    fillDemographicValues(dateOfBirth);
    await state().next();
  }
  function fillDemographicValues(dateOfBirth: string) {
    for (const [id, por, eng] of [['fullName', 'Maria da Graça', 'Maria da Graca'], ['city', 'Trindade', 'Trindade'], ['addressLine1', 'Rua 1', 'Street 1']] as const) {
      state().setLocalizedText(id, 'por', por);
      state().setLocalizedText(id, 'eng', eng);
    }
    state().setValue('dateOfBirth', { type: 'text', value: dateOfBirth });
    for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT'], ['region', 'ST'], ['province', 'AGR']] as const) state().setValue(id, { type: 'code', code });
  }
  async function toBiometrics() {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await fillConsent();
    await fillDemographics();
    await state().attachDocument('proofOfIdentity', 'DOC_ID_CARD', 'BI-123', [PDF]);
    await state().next();
    assert.equal(screenName(), 'BiometricDetails');
  }

  it('opens on the process picker with the bundle and the drafts list', async () => {
    await state().open();
    assert.equal(draftSelectors.view(state()), 'picker');
    assert.equal(draftSelectors.bundleStatus(state()), 'ready');
    assert.deepEqual(draftSelectors.processes(state()).map((p) => p.id), ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION']);
    assert.deepEqual(draftSelectors.drafts(state()), []);
  });

  it('creates a draft in the chosen languages and lands on the first screen', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    assert.deepEqual(calls('drafts.create'), [{ process: 'NEW', languages: ['por', 'eng'] }]);
    assert.equal(draftSelectors.view(state()), 'form');
    assert.deepEqual(formSelectors.languages(state().form), ['por', 'eng']);
    assert.equal(screenName(), 'consentdet');
  });

  it('blocks next with the screen\'s issues and does not save', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await state().next();
    assert.equal(screenName(), 'consentdet');
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => [i.fieldId, i.rule]), [['consent', 'required'], ['preferredLang', 'required']]);
    assert.deepEqual(calls('drafts.save'), []);
    state().setValue('consent', { type: 'flag', checked: true });
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => i.fieldId), ['preferredLang'], 'the list follows the fixes');
  });

  it('moves on and autosaves after every screen change, back included', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    clock += 1000;
    await fillConsent();
    assert.equal(screenName(), 'DemographicDetails');
    assert.deepEqual(draftSelectors.blockedIssues(state()), []);
    const saved = calls('drafts.save') as { draft: { screenIndex: number; values: object; savedAt: number } }[];
    assert.equal(saved.length, 1);
    assert.equal(saved[0]!.draft.screenIndex, 1);
    assert.deepEqual(saved[0]!.draft.values, { consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' } });
    assert.equal(draftSelectors.lastSavedAt(state()), NOW + 1000);
    await state().back();
    assert.equal(screenName(), 'consentdet');
    assert.equal(calls('drafts.save').length, 2);
  });

  it('names the language of an invalid localized value', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await fillConsent();
    fillDemographicValues('1990/05/17');
    state().setLocalizedText('fullName', 'eng', 'M4ria');
    await state().next();
    assert.equal(screenName(), 'DemographicDetails');
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => [i.fieldId, i.language, i.rule]), [['fullName', 'eng', 'regex']]);
  });

  it('offers the districts of the chosen region, and clears a district chosen under another region', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    assert.deepEqual(draftSelectors.options('province')(state()), [], 'nothing before a region');
    state().setValue('region', { type: 'code', code: 'ST' });
    assert.deepEqual(draftSelectors.options('province')(state()).map((o) => o.code), ['AGR', 'MZC', 'CTG', 'CAU', 'LEM', 'LOB']);
    state().setValue('province', { type: 'code', code: 'AGR' });
    state().setValue('region', { type: 'code', code: 'RAP' });
    assert.equal(formSelectors.value('province')(state().form), undefined);
    assert.equal(draftSelectors.options('province')(state()).some((o) => o.code === 'AGR'), false);
  });

  it('shows UPDATE fields only for the groups the resident chose', async () => {
    await state().open();
    await state().start('UPDATE', ['por', 'eng']);
    await fillConsent();
    assert.deepEqual(formSelectors.visibleFields(state().form).map((f) => f.id), ['UIN']);
    state().selectGroups(['Phone']);
    assert.deepEqual(formSelectors.visibleFields(state().form).map((f) => f.id), ['UIN', 'phone']);
    await state().save();
    assert.deepEqual((calls('drafts.save').at(-1) as { draft: { selectedGroups: string[] } }).draft.selectedGroups, ['Phone']);
  });

  it('records an age as a date of birth on today\'s day and month', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    state().setAge('dateOfBirth', 30);
    assert.deepEqual(formSelectors.value('dateOfBirth')(state().form), { type: 'text', value: '1996/11/22' });
    assert.equal(formSelectors.ageGroup(state().form), 'ADULT');
  });

  it('resumes a draft where it was saved and discards another', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await fillConsent();
    state().setLocalizedText('fullName', 'por', 'Maria');
    await state().save();
    const resumedId = state().form.draftId!;
    state().reset();
    await state().open();
    await state().start('LOST', ['por']);
    const otherId = state().form.draftId!;
    await state().open();
    assert.deepEqual(draftSelectors.drafts(state()).map((d) => [d.draftId, d.residentName]).sort(), [[resumedId, 'Maria'], [otherId, null]].sort());

    await state().discard(otherId);
    assert.deepEqual(draftSelectors.drafts(state()).map((d) => d.draftId), [resumedId]);
    await state().resume(resumedId);
    assert.equal(draftSelectors.view(state()), 'form');
    assert.equal(screenName(), 'DemographicDetails');
    assert.deepEqual(formSelectors.value('fullName')(state().form), { type: 'localized', values: { por: 'Maria' } });
  });

  it('keeps the returned document reference, and the size-limit error of a too-large file', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await state().attachDocument('proofOfAddress', 'DOC_UTILITY', ' ', [{ ...PDF, base64: 'A'.repeat(FAKE_DOCUMENT_LIMIT + 4) }]);
    assert.equal(documentsSelectors.status('proofOfAddress')(state()), 'failed');
    assert.equal(documentsSelectors.error('proofOfAddress')(state())?.code, 'ERR_REG_DOCUMENT_TOO_LARGE');
    assert.equal(documentsSelectors.attached('proofOfAddress')(state()), null);

    await state().attachDocument('proofOfAddress', 'DOC_UTILITY', ' ', [PDF]);
    assert.equal(documentsSelectors.status('proofOfAddress')(state()), 'attached');
    assert.deepEqual(documentsSelectors.attached('proofOfAddress')(state()), { type: 'document', documentType: 'DOC_UTILITY', format: 'pdf', refNumber: null, storageId: 'doc-2', sizeBytes: 12 });
    state().removeDocument('proofOfAddress');
    assert.equal(documentsSelectors.attached('proofOfAddress')(state()), null);
  });

  it('retries a low-quality capture, then keeps it force-captured after the last attempt', async () => {
    await toBiometrics();
    fake.scores.push(20, 25, 30);
    await state().captureBiometrics('individualBiometrics', 'left-slap');
    const first = biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state());
    assert.deepEqual([first?.decision, first?.attemptsLeft, first?.averageQuality, first?.threshold], ['retry', 2, 20, 40]);
    await state().captureBiometrics('individualBiometrics', 'left-slap');
    await state().captureBiometrics('individualBiometrics', 'left-slap');
    const last = biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state());
    assert.deepEqual([last?.decision, last?.attemptsLeft], ['forceCaptured', 0]);
    assert.deepEqual(formSelectors.value('individualBiometrics')(state().form), { type: 'biometrics', captured: ['leftIndex', 'leftMiddle', 'leftRing', 'leftLittle'], exceptions: [] });
  });

  it('lists every attempt with the best one kept, and again after a resume', async () => {
    await toBiometrics();
    assert.deepEqual(biometricsSelectors.history('individualBiometrics', 'left-slap')(state()), []);
    fake.scores.push(20, 35, 30);
    for (let i = 0; i < 3; i++) await state().captureBiometrics('individualBiometrics', 'left-slap');
    const expected = [{ attempt: 1, averageQuality: 20, kept: false }, { attempt: 2, averageQuality: 35, kept: true }, { attempt: 3, averageQuality: 30, kept: false }];
    assert.deepEqual(biometricsSelectors.history('individualBiometrics', 'left-slap')(state()), expected);
    assert.equal(biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state())?.keptAttempt, 2);
    await state().save();
    const draftId = state().form.draftId!;
    state().reset();
    await state().open();
    await state().resume(draftId);
    assert.deepEqual(biometricsSelectors.history('individualBiometrics', 'left-slap')(state()), expected);
  });

  it('sends marked exceptions with the capture and requires the exception photo before next', async () => {
    await toBiometrics();
    state().setException('individualBiometrics', 'leftLittle', true);
    assert.deepEqual(biometricsSelectors.modalities('individualBiometrics')(state()), ['left-slap', 'right-slap', 'thumbs', 'iris', 'face', 'exception-photo']);
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    assert.deepEqual((calls('drafts.captureBiometrics')[0] as { exceptions: string[] }).exceptions, ['Left LittleFinger']);
    assert.deepEqual((calls('drafts.captureBiometrics')[1] as { exceptions: string[] }).exceptions, []);

    await state().next();
    assert.equal(screenName(), 'BiometricDetails');
    assert.deepEqual(draftSelectors.missingExceptionPhotos(state()), ['individualBiometrics']);

    await state().captureBiometrics('individualBiometrics', 'exception-photo');
    assert.deepEqual(draftSelectors.missingExceptionPhotos(state()), []);
    assert.deepEqual((calls('drafts.captureBiometrics').at(-1) as { exceptions: string[] }).exceptions, ['Left LittleFinger'], 'the photo proves every exception');
    assert.equal(documentsSelectors.attached('proofOfException')(state())?.documentType, 'EOP', 'the back end\'s proof-of-exception document is kept for autosave');
    await state().next();
    assert.equal(draftSelectors.view(state()), 'preview');
    assert.deepEqual(calls('drafts.validate'), [{ draftId: state().form.draftId }]);
    assert.equal(submitSelectors.canSubmit(state()), true);
  });

  it('asks for a supervisor review when the draft has exceptions, and puts each refusal on its field', async () => {
    await toBiometrics();
    state().setException('individualBiometrics', 'leftLittle', true);
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face', 'exception-photo'] as const) await state().captureBiometrics('individualBiometrics', modality);
    await state().next();
    assert.equal(submitSelectors.reviewerRequired(state()), true, 'the back end said a supervisor must review');
    const draftId = state().form.draftId!;
    state().requestSubmit();
    const attempt = async (password: string, reviewer?: { userId: string; password: string }) => {
      await state().submit(password, reviewer);
      return [submitSelectors.auth(state())?.error?.code ?? null, submitSelectors.authErrorField(state())];
    };
    assert.deepEqual(await attempt('Officer#2026'), ['ERR_REG_REVIEWER_REQUIRED', 'reviewerUserId']);
    assert.deepEqual(await attempt('Officer#2026', { userId: 'officer1', password: 'Officer#2026' }), ['ERR_REG_REVIEWER_IS_OPERATOR', 'reviewerUserId']);
    assert.deepEqual(await attempt('Officer#2026', { userId: 'viewer1', password: 'Viewer#2026' }), ['ERR_REG_REVIEWER_NOT_SUPERVISOR', 'reviewerUserId']);
    assert.deepEqual(await attempt('Officer#2025', { userId: 'supervisor1', password: 'Supervisor#2026' }), ['ERR_REG_OPERATOR_AUTH_FAILED', 'password']);
    assert.deepEqual(await attempt('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2025' }), ['ERR_REG_REVIEWER_AUTH_FAILED', 'reviewerPassword']);
    assert.deepEqual([submitSelectors.status(state()), draftSelectors.view(state())], ['idle', 'preview'], 'nothing built, the preview stays');
    assert.equal(submitSelectors.reviewerRequired(state()), true, 'a refusal keeps the review section');
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    assert.equal(submitSelectors.status(state()), 'done');
    assert.deepEqual(calls('drafts.submit').at(-1), { draftId, receiptLanguage: 'por', password: 'Officer#2026', reviewer: { userId: 'supervisor1', password: 'Supervisor#2026' } });
    assert.equal(JSON.stringify(state()).includes('Supervisor#202'), false, 'no supervisor password in the store');
  });

  it('sends no reviewer when none is needed, and asks for one when the back end turns out to need it', async () => {
    await toBiometrics();
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    fake.reviewerAuthentication = false;
    state().setException('individualBiometrics', 'leftLittle', true);
    await state().captureBiometrics('individualBiometrics', 'left-slap');
    await state().captureBiometrics('individualBiometrics', 'exception-photo');
    await state().next();
    assert.equal(submitSelectors.reviewerRequired(state()), false, 'review turned off: no section');
    const draftId = state().form.draftId!;
    // a supervisor turns review on while the preview is open
    fake.reviewerAuthentication = true;
    state().requestSubmit();
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    assert.deepEqual(calls('drafts.submit'), [{ draftId, receiptLanguage: 'por', password: 'Officer#2026' }], 'a reviewer is sent only once asked for');
    assert.equal(submitSelectors.auth(state())?.error?.code, 'ERR_REG_REVIEWER_REQUIRED');
    assert.equal(submitSelectors.reviewerRequired(state()), true, 'the dialog now shows the review section');
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    assert.equal(submitSelectors.status(state()), 'done');
  });

  it('fetches a PRID read by the serial scanner on the screen that takes one, and ignores a scan elsewhere', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    fake.emit('scanner.onDidRead', { text: FAKE_PRID });
    assert.deepEqual(calls('drafts.applyPreRegistration'), [], 'the consent screen takes no PRID');
    await fillConsent();
    assert.equal(formSelectors.currentScreen(state().form)?.preRegFetchRequired, true);
    const filled = new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.form.values['fullName']) {
          stop();
          resolve();
        }
      });
    });
    fake.emit('scanner.onDidRead', { text: FAKE_PRID });
    await filled;
    assert.equal(state().draft.preRegistration.prid, FAKE_PRID, 'the scan shows in the PRID box');
    assert.deepEqual(calls('drafts.applyPreRegistration'), [{ draftId: state().form.draftId, prid: FAKE_PRID }]);
    assert.deepEqual(state().form.values['fullName'], { type: 'localized', values: { por: 'Maria da Graça Quaresma', eng: 'Maria da Graca Quaresma' } });
  });

  it('keeps only the latest preview frame of the modality being previewed, and stops listening', async () => {
    await toBiometrics();
    await state().startPreview('face');
    fake.emit('devices.onDidPreviewFrame', { modality: 'face', index: 0, jpegBase64: '/9j/AA==' });
    fake.emit('devices.onDidPreviewFrame', { modality: 'iris', index: 0, jpegBase64: 'aXJpcw==' });
    assert.equal(biometricsSelectors.previewSrc('face')(state()), 'data:image/jpeg;base64,/9j/AA==');
    assert.equal(biometricsSelectors.previewSrc('iris')(state()), null);
    await state().stopPreview();
    assert.equal(fake.previewing, null);
    assert.equal(fake.listenerCount('devices.onDidPreviewFrame'), 0);
    assert.equal(biometricsSelectors.previewSrc('face')(state()), null);
  });

  it('shows a preview that ends with a device error', async () => {
    await toBiometrics();
    await state().startPreview('iris');
    fake.emit('devices.onDidEndPreview', { modality: 'iris', error: { code: 'ERR_SBI_NO_DEVICE', message: 'no device', details: { modality: 'iris' } } });
    assert.deepEqual(biometricsSelectors.error(state()), { code: 'ERR_SBI_NO_DEVICE', details: { modality: 'iris' } });
    assert.equal(biometricsSelectors.previewModality(state()), null);
  });

  it('submits with progress, keeps the RID and receipt, and closes the form', async () => {
    await toBiometrics();
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    await state().next();
    const draftId = state().form.draftId!;
    const stages: string[] = [];
    const unsubscribe = store.subscribe((s) => {
      const p = submitSelectors.progress(s);
      if (p && stages.at(-1) !== p.stage) stages.push(p.stage);
    });
    state().requestSubmit();
    assert.deepEqual(submitSelectors.auth(state()), { error: null }, 'the authentication dialog opens');
    await state().submit('Officer#2025');
    assert.deepEqual(submitSelectors.auth(state()), { error: { code: 'ERR_REG_OPERATOR_AUTH_FAILED', details: { draftId, attemptsLeft: 4 } } });
    assert.deepEqual([submitSelectors.status(state()), draftSelectors.view(state()), stages], ['idle', 'preview', []], 'a refused password stays on the preview, nothing built');
    assert.equal(formSelectors.status(state().form), 'editing', 'the form is kept');
    assert.equal(JSON.stringify(state()).includes('Officer#202'), false, 'no password in the store');
    await state().submit('Officer#2026');
    unsubscribe();
    assert.deepEqual(stages, ['validate', 'zip', 'commit', 'done']);
    assert.deepEqual(calls('drafts.submit'), [{ draftId, receiptLanguage: 'por', password: 'Officer#2025' }, { draftId, receiptLanguage: 'por', password: 'Officer#2026' }]);
    assert.equal(submitSelectors.auth(state()), null, 'the dialog closes once the build starts');
    assert.equal(JSON.stringify(state()).includes('Officer#202'), false, 'no password in the store');
    assert.equal(submitSelectors.status(state()), 'done');
    assert.equal(submitSelectors.rid(state()), '10001100010000120261122080000');
    assert.equal(submitSelectors.receiptPdfBase64(state()), 'JVBERi0xLjQK');
    assert.deepEqual(submitSelectors.receipt(state()), FAKE_RECEIPT, 'the receipt\'s content as the back end composed it');
    assert.equal(submitSelectors.residentName(state()), 'Maria da Graça');
    assert.equal(draftSelectors.view(state()), 'acknowledgement');
    assert.equal(formSelectors.status(state().form), 'idle');
    assert.equal(fake.listenerCount('packets.onDidProgress'), 0);
  });

  it('opens the authentication dialog from the preview and cancels it without a call', async () => {
    await toBiometrics();
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    await state().next();
    state().requestSubmit();
    assert.deepEqual(submitSelectors.auth(state()), { error: null });
    state().cancelSubmit();
    assert.equal(submitSelectors.auth(state()), null);
    assert.deepEqual(calls('drafts.submit'), []);
  });

  it('resets to the initial state', async () => {
    await toBiometrics();
    state().reset();
    const { form, draft, documents, docScan, biometrics, submission } = state();
    assert.deepEqual({ form, draft, documents, docScan, biometrics, submission }, initialRegistrationState());
    assert.equal(fake.listenerCount('devices.onDidWarn'), 0);
  });
});
