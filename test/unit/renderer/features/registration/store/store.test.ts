import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import type { UploadedFile } from '../../../../../../schemas/api/registrationApi';
import { replaceConfig } from '../../../../../../electron/services/db/repos/syncConfig';
import { biometricsSelectors } from '../../../../../../renderer/features/registration/store/slices/biometrics/selectors';
import { documentsSelectors } from '../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { draftSelectors } from '../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { formSelectors } from '../../../../../../renderer/features/registration/store/slices/form/selectors';
import { submitSelectors } from '../../../../../../renderer/features/registration/store/slices/submit/selectors';
import { pdfText, receiptLines } from '../../../../electron/services/registration/pdfText';
import { formSteps, useOfficerStore } from './formSteps';

function png(w = 40, h = 30): UploadedFile {
  const image = new PNG({ width: w, height: h });
  image.data.fill(0xc0);
  return { name: 'page.png', mimeType: 'image/png', base64: PNG.sync.write(image).toString('base64') };
}

describe('registration store (real Router, encrypted store, device simulator)', () => {
  const bed = useOfficerStore();


  const state = () => bed.store.getState();
  const screenName = () => formSelectors.currentScreen(state().form)?.name;

  const { fillConsent, toBiometrics } = formSteps(() => bed.store, png());

  it('starts a draft from the synced bundle, blocks next, and autosaves on every screen change', async () => {
    await state().open();
    assert.deepEqual(draftSelectors.processes(state()).map((p) => p.id), ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH']);
    await state().start('NEW', ['por', 'eng']);
    await state().next();
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => [i.fieldId, i.rule]), [['consent', 'required'], ['preferredLang', 'required']]);
    bed.clock.advance(5_000);
    await fillConsent();
    assert.equal(screenName(), 'DemographicDetails');
    assert.equal(draftSelectors.lastSavedAt(state()), bed.clock.now());
    await state().listDrafts();
    assert.deepEqual(draftSelectors.drafts(state()).map((d) => [d.screenIndex, d.savedAt]), [[1, bed.clock.now()]]);
  });

  it('lists drafts with the resident\'s name, resumes one where it was left and discards another', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await fillConsent();
    state().setLocalizedText('fullName', 'por', 'Maria');
    await state().close();
    const first = draftSelectors.drafts(state())[0]!;
    assert.deepEqual([first.residentName, first.screenIndex, first.process], ['Maria', 1, 'NEW']);

    await state().open();
    await state().start('LOST', ['por']);
    const lostId = state().form.draftId!;
    await state().close();
    assert.equal(draftSelectors.drafts(state()).length, 2);
    await state().discard(lostId);
    assert.deepEqual(draftSelectors.drafts(state()).map((d) => d.draftId), [first.draftId]);

    state().reset();
    await state().open();
    await state().resume(first.draftId);
    assert.equal(screenName(), 'DemographicDetails');
    assert.deepEqual(formSelectors.value('fullName')(state().form), { type: 'localized', values: { por: 'Maria' } });
  });

  it('attaches a document as the back end stores it, and keeps its size-limit error', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    replaceConfig(bed.services.data.db, 'registration', { 'mosip.registration.document_size': '600' }, bed.clock.now());
    await state().attachDocument('proofOfAddress', 'UTILITY_BILL', null, [png(300, 300)]);
    assert.equal(documentsSelectors.error('proofOfAddress')(state())?.code, 'ERR_REG_DOCUMENT_TOO_LARGE');
    assert.equal((documentsSelectors.error('proofOfAddress')(state())?.details as { limitBytes: number }).limitBytes, 600);
    replaceConfig(bed.services.data.db, 'registration', { 'mosip.registration.document_size': '2000000' }, bed.clock.now());
    await state().attachDocument('proofOfAddress', 'UTILITY_BILL', 'F-1', [png()]);
    const attached = documentsSelectors.attached('proofOfAddress')(state());
    assert.deepEqual([attached?.documentType, attached?.format, attached?.refNumber], ['UTILITY_BILL', 'pdf', 'F-1']);
    await state().save();
    assert.equal(draftSelectors.error(state()), null, 'the autosave carries the returned document value');
  });

  it('retries a low-quality capture, force-captures the last attempt, and requires the exception photo', async () => {
    await toBiometrics();
    state().setException('individualBiometrics', 'leftLittle', true);
    bed.simulator.device('finger').score = 30;
    for (let i = 0; i < 3; i++) await state().captureBiometrics('individualBiometrics', 'left-slap');
    const left = biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state());
    assert.deepEqual([left?.decision, left?.attemptsLeft, left?.threshold, left?.exceptions], ['forceCaptured', 0, 40, ['leftLittle']]);
    bed.simulator.device('finger').score = undefined;
    for (const modality of ['right-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    assert.equal(biometricsSelectors.error(state()), null);

    await state().next();
    assert.deepEqual(draftSelectors.missingExceptionPhotos(state()), ['individualBiometrics']);
    await state().captureBiometrics('individualBiometrics', 'exception-photo');
    assert.equal(documentsSelectors.attached('proofOfException')(state())?.type, 'document', 'the photo filed as proof of exception is kept');
    await state().next();
    assert.equal(draftSelectors.view(state()), 'preview');
    assert.deepEqual(submitSelectors.issues(state()), []);
  });

  it('resumes a draft with its marked exceptions and the captures already made', async () => {
    await toBiometrics();
    state().setException('individualBiometrics', 'leftLittle', true);
    await state().captureBiometrics('individualBiometrics', 'left-slap');
    for (const device of bed.simulator.devices.values()) device.score = 20;
    await state().captureBiometrics('individualBiometrics', 'right-slap');
    const before = ['left-slap', 'right-slap'].map((m) => biometricsSelectors.attempt('individualBiometrics', m as 'left-slap')(state()));
    assert.deepEqual(before.map((a) => [a?.decision, a?.attemptsLeft]), [['accepted', 2], ['retry', 2]]);
    const draftId = state().form.draftId!;
    state().reset();
    await state().open();
    await state().resume(draftId);
    assert.equal(screenName(), 'BiometricDetails');
    assert.deepEqual(biometricsSelectors.exceptions('individualBiometrics')(state()), ['leftLittle']);
    assert.equal(biometricsSelectors.isCapturedInDraft('individualBiometrics', 'left-slap')(state()), true);
    assert.equal(biometricsSelectors.isCapturedInDraft('individualBiometrics', 'right-slap')(state()), false);
    // the attempts, qualities and attempts left come back as they were: the count does not restart
    const after = ['left-slap', 'right-slap'].map((m) => biometricsSelectors.attempt('individualBiometrics', m as 'left-slap')(state()));
    assert.deepEqual(after, before);
    assert.equal(biometricsSelectors.nextToCapture('individualBiometrics')(state()), 'right-slap');
  });

  it('submits with progress events and keeps the RID and the receipt', async () => {
    await toBiometrics();
    await state().listDrafts();
    assert.equal(draftSelectors.drafts(state()).length, 1);
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    await state().next();
    assert.equal(submitSelectors.canSubmit(state()), true, JSON.stringify(submitSelectors.issues(state())));
    const stages: string[] = [];
    const stop = bed.store.subscribe((s) => {
      const stage = submitSelectors.progress(s)?.stage;
      if (stage && stages.at(-1) !== stage) stages.push(stage);
    });
    state().requestSubmit();
    await state().submit('not-my-password');
    assert.deepEqual([submitSelectors.status(state()), submitSelectors.auth(state())?.error?.code, draftSelectors.view(state()), stages], ['idle', 'ERR_REG_OPERATOR_AUTH_FAILED', 'preview', []]);
    assert.equal(draftSelectors.drafts(state()).length, 1, 'the draft is kept');
    await state().submit('Officer#2026');
    stop();
    assert.equal(submitSelectors.error(state()), null);
    assert.equal(submitSelectors.status(state()), 'done');
    assert.match(submitSelectors.rid(state()) ?? '', /^\d{29}$/);
    assert.equal(Buffer.from(submitSelectors.receiptPdfBase64(state())!, 'base64').subarray(0, 5).toString(), '%PDF-');
    const receipt = submitSelectors.receipt(state());
    assert.deepEqual([receipt?.language, receipt?.rid.value], ['por', submitSelectors.rid(state())], 'the receipt of this RID, in the resident\'s language');
    assert.match(receipt?.qr.pngDataUrl ?? '', /^data:image\/png;base64,/);
    // long lines wrap in the PDF: compared word by word
    const words = (text: string) => text.split(/\s+/);
    assert.deepEqual(words(await pdfText(Buffer.from(submitSelectors.receiptPdfBase64(state())!, 'base64'))), words(receiptLines(receipt!).join(' ')), 'the screen\'s receipt is what the PDF prints');
    assert.equal(stages.at(-1), 'done');
    assert.ok(stages.length >= 3, stages.join());
    assert.equal(formSelectors.status(state().form), 'idle');
    assert.deepEqual(draftSelectors.drafts(state()), [], 'dropped from the list at once');
    await state().listDrafts();
    assert.deepEqual(draftSelectors.drafts(state()), [], 'the submitted draft is gone');
  });
});
