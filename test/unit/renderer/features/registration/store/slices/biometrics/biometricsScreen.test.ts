import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { issueText } from '../../../../../../../../renderer/features/registration/components/fields/issueText';
import { missingModalities } from '../../../../../../../../renderer/features/registration/store/slices/biometrics/bioModalities';
import { biometricsSelectors } from '../../../../../../../../renderer/features/registration/store/slices/biometrics/selectors';
import { draftSelectors } from '../../../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { formSelectors } from '../../../../../../../../renderer/features/registration/store/slices/form/selectors';
import { createI18n } from '../../../../../../../../renderer/i18n/createI18n';
import { formSteps, useOfficerStore } from '../../formSteps';

const FIELD = 'individualBiometrics';

/**
 * The biometrics screen as the operator lives it (issue 13): recapture while attempts remain, and a
 * "biometrics missing" message that follows the captures and names what is still missing.
 */
describe('biometrics screen state (real Router, encrypted store, device simulator)', () => {
  const bed = useOfficerStore();


  const state = () => bed.store.getState();

  const page = (() => {
    const image = new PNG({ width: 40, height: 30 });
    image.data.fill(0xc0);
    return { name: 'page.png', mimeType: 'image/png' as const, base64: PNG.sync.write(image).toString('base64') };
  })();
  const { toBiometrics } = formSteps(() => bed.store, page);

  it('lets an accepted capture be taken again while attempts remain, and not after', async () => {
    await toBiometrics();
    const canCapture = () => biometricsSelectors.canCapture(FIELD, 'face')(state());
    assert.equal(canCapture(), true, 'before the first attempt');
    await state().captureBiometrics(FIELD, 'face');
    const first = biometricsSelectors.attempt(FIELD, 'face')(state());
    assert.deepEqual([first?.decision, first?.attemptsLeft], ['accepted', 2]);
    assert.equal(canCapture(), true, 'accepted with 2 attempts left: "Capture again" stays enabled');
    await state().captureBiometrics(FIELD, 'face');
    assert.deepEqual([biometricsSelectors.attempt(FIELD, 'face')(state())?.attempt, biometricsSelectors.error(state())], [2, null], 'the back end takes the recapture');
    await state().captureBiometrics(FIELD, 'face');
    assert.equal(biometricsSelectors.attempt(FIELD, 'face')(state())?.attemptsLeft, 0);
    assert.equal(canCapture(), false, 'no attempt left');
  });

  it('recomputes the "biometrics missing" issue from the captures and names what is missing', async () => {
    await toBiometrics();
    await state().next();
    const blocked = () => draftSelectors.blockedIssues(state()).filter((i) => i.fieldId === FIELD);
    assert.deepEqual(blocked().map((i) => missingModalities(i.missing ?? [])), [['left-slap', 'right-slap', 'thumbs', 'iris', 'face']]);
    assert.deepEqual(formSelectors.issuesFor(FIELD)(state().form).map((i) => i.rule), ['biometrics']);
    await state().captureBiometrics(FIELD, 'left-slap');
    await state().captureBiometrics(FIELD, 'iris');
    assert.deepEqual(blocked().map((i) => missingModalities(i.missing ?? [])), [['right-slap', 'thumbs', 'face']], 'the list follows each capture');
    // marking the right hand missing accounts for it, as MOSIP counts an exception toward the requirement
    for (const a of ['rightIndex', 'rightMiddle', 'rightRing', 'rightLittle'] as const) state().setException(FIELD, a, true);
    assert.deepEqual(blocked().map((i) => missingModalities(i.missing ?? [])), [['thumbs', 'face']]);
    await state().captureBiometrics(FIELD, 'thumbs');
    // the back end records exceptions from the capture request of their panel, so until the right
    // hand's (exceptions-only) capture is made its answer names that panel again
    assert.deepEqual(blocked().map((i) => missingModalities(i.missing ?? [])), [['right-slap', 'face']]);
    await state().captureBiometrics(FIELD, 'right-slap');
    assert.deepEqual(blocked().map((i) => missingModalities(i.missing ?? [])), [['face']]);
    await state().captureBiometrics(FIELD, 'face');
    assert.deepEqual(blocked(), [], 'everything captured or marked: the message goes');
    assert.deepEqual(formSelectors.issuesFor(FIELD)(state().form), []);
  });

  it('words the issue with the panels still to capture, in the UI language', async () => {
    const issue = { fieldId: FIELD, rule: 'biometrics' as const, message: { por: 'Faltam dados biométricos obrigatórios.', eng: 'Required biometrics are missing.' }, missing: ['rightEye' as const, 'leftThumb' as const] };
    const por = await createI18n('por');
    assert.equal(issueText(issue, 'por', por.t), 'Faltam dados biométricos obrigatórios. Ainda por recolher (ou marcar como em falta): Polegares, Íris.');
    const eng = await createI18n('eng');
    assert.equal(issueText({ ...issue, missing: [] }, 'eng', eng.t), 'Required biometrics are missing.');
  });
});
