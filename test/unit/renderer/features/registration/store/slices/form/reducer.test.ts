import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDefaultAgeGroups, loadStpProcessSpec, loadStpUiMessages } from '../../../../../../../../schemas/data/stpDemoSpecs';
import { RegistrationDraft } from '../../../../../../../../schemas/registrationForm';
import type { RegistrationProcess } from '../../../../../../../../schemas/registration';
import type { ProcessSpec } from '../../../../../../../../schemas/uiSpec';
import { initialFormState, type FormConfig, type FormState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { formActions as A, formReducer, type FormAction } from '../../../../../../../../renderer/features/registration/store/slices/form/reducer';
import { formSelectors as S } from '../../../../../../../../renderer/features/registration/store/slices/form/selectors';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const CONFIG: FormConfig = { ageGroups: loadDefaultAgeGroups(), messages: loadStpUiMessages(), maxAge: 200 };

function run(state: FormState, ...actions: FormAction[]): FormState {
  return actions.reduce(formReducer, state);
}
function start(process: RegistrationProcess = 'NEW', spec: ProcessSpec = loadStpProcessSpec(process)): FormState {
  return run(initialFormState(), A.start(spec, CONFIG, 'draft-1', ['por', 'eng'], NOW));
}
const consentGiven = [
  A.setValue('consent', { type: 'flag', checked: true }, NOW),
  A.setValue('preferredLang', { type: 'code', code: 'por' }, NOW),
];
const adultDemographics = [
  A.setLocalizedText('fullName', 'por', 'Ana Neves', NOW), A.setLocalizedText('fullName', 'eng', 'Ana Neves', NOW),
  A.setValue('dateOfBirth', { type: 'text', value: '1990/05/01' }, NOW),
  A.setValue('gender', { type: 'code', code: 'FLE' }, NOW), A.setValue('residenceStatus', { type: 'code', code: 'NAT' }, NOW),
  A.setValue('region', { type: 'code', code: 'ST' }, NOW), A.setValue('province', { type: 'code', code: 'AGR' }, NOW),
  A.setLocalizedText('city', 'por', 'São Tomé', NOW), A.setLocalizedText('city', 'eng', 'São Tomé', NOW),
  A.setLocalizedText('addressLine1', 'por', 'Bairro Riboque', NOW), A.setLocalizedText('addressLine1', 'eng', 'Riboque', NOW),
];

describe('formReducer', () => {
  it('starts on the consent screen with rules computed', () => {
    const s = start();
    assert.deepEqual([s.status, s.screenIndex, s.process, s.visible.consent, s.required.consent, s.visible.introducerName], ['editing', 0, 'NEW', true, true, false]);
  });

  it('keeps the operator on a screen whose required fields are empty, and marks them', () => {
    const s = run(start(), A.next(NOW));
    assert.equal(s.screenIndex, 0);
    assert.deepEqual(Object.keys(s.issues), ['consent', 'preferredLang']);
    assert.deepEqual(s.issues.consent?.map((i) => i.rule), ['required']);
  });

  it('moves on once the screen is valid and records the furthest screen reached', () => {
    const s = run(start(), ...consentGiven, A.next(NOW));
    assert.deepEqual([s.screenIndex, s.reachedScreenIndex, s.issues], [1, 1, {}]);
  });

  it('shows issues only for touched fields while typing', () => {
    const s = run(start(), ...consentGiven, A.next(NOW), A.setValue('phone', { type: 'text', value: '123' }, NOW));
    assert.deepEqual(Object.keys(s.issues), ['phone']);
    assert.deepEqual(s.issues.phone?.map((i) => i.rule), ['regex']);
    const fixed = run(s, A.setValue('phone', { type: 'text', value: '9912345' }, NOW));
    assert.deepEqual(fixed.issues, {});
  });

  it('stores a localized value per language', () => {
    const s = run(start(), A.setLocalizedText('fullName', 'por', 'Conceição', NOW), A.setLocalizedText('fullName', 'eng', 'Conceicao', NOW));
    assert.deepEqual(s.values.fullName, { type: 'localized', values: { por: 'Conceição', eng: 'Conceicao' } });
  });

  it('shows and requires the guardian when the date of birth makes a minor', () => {
    const adult = run(start(), ...consentGiven, A.next(NOW), ...adultDemographics);
    assert.deepEqual([adult.visible.introducerName, adult.required.introducerName], [false, false]);
    const minor = run(adult, A.setValue('dateOfBirth', { type: 'text', value: '2015/05/01' }, NOW), A.next(NOW));
    assert.deepEqual([minor.visible.introducerName, minor.required.introducerName, minor.screenIndex], [true, true, 1]);
    assert.deepEqual(Object.keys(minor.issues).sort(), ['introducerName', 'introducerRID', 'introducerUIN']);
  });

  it('recomputes age from the clock of each action', () => {
    const s = run(start(), A.setValue('dateOfBirth', { type: 'text', value: '2008/11/23' }, NOW));
    assert.equal(s.required.introducerName, true);
    const dayLater = run(s, A.setValue('gender', { type: 'code', code: 'MLE' }, NOW + 86_400_000));
    assert.equal(dayLater.required.introducerName, false);
  });

  it('goes back, and jumps only to screens already reached', () => {
    const s = run(start(), ...consentGiven, A.next(NOW), ...adultDemographics, A.next(NOW));
    assert.equal(s.screenIndex, 2);
    assert.equal(run(s, A.back()).screenIndex, 1);
    assert.equal(run(s, A.goToScreen(0)).screenIndex, 0);
    assert.equal(run(s, A.goToScreen(3)).screenIndex, 2);
    assert.equal(run(s, A.goToScreen(-1)).screenIndex, 2);
  });

  it('in UPDATE shows only the selected groups', () => {
    const s = run(start('UPDATE'), A.selectGroups(['Phone', 'Phone'], NOW));
    assert.deepEqual(s.selectedGroups, ['Phone']);
    assert.deepEqual([s.visible.phone, s.visible.fullName, s.required.phone, s.visible.UIN], [true, false, true, true]);
  });

  it('blocks the form with the error when a spec rule cannot be parsed', () => {
    const spec = loadStpProcessSpec('LOST');
    const broken: ProcessSpec = { ...spec, screens: spec.screens.map((sc, i) => i !== 0 ? sc : { ...sc, fields: sc.fields.map((f) => f.id === 'consent' ? { ...f, visible: { engine: 'MVEL', expr: "identity.age = 3" } } : f) }) };
    const s = run(start('LOST', broken), ...consentGiven, A.next(NOW));
    assert.equal(s.ruleError?.code, 'ERR_REG_RULE_SYNTAX');
    assert.deepEqual(s.ruleError?.details, { expression: 'identity.age = 3', position: 13, reason: "unexpected character '='" });
    assert.equal(s.screenIndex, 0);
  });

  it('resumes from a draft snapshot that went through JSON', () => {
    const s = run(start(), ...consentGiven, A.next(NOW), ...adultDemographics, A.next(NOW));
    const draft = RegistrationDraft.parse(JSON.parse(JSON.stringify(S.draftSnapshot(NOW)(s))));
    const resumed = run(initialFormState(), A.resume(loadStpProcessSpec('NEW'), CONFIG, draft, NOW + 1000));
    assert.deepEqual([resumed.screenIndex, resumed.reachedScreenIndex, resumed.values, resumed.draftId], [2, 2, s.values, 'draft-1']);
    assert.deepEqual(resumed.visible, s.visible);
  });

  it('resets to the initial state', () => {
    assert.deepEqual(run(start(), A.reset()), initialFormState());
  });
});
