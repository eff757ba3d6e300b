import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDefaultAgeGroups, loadStpProcessSpec, loadStpUiMessages } from '../../../../../../../../schemas/data/stpDemoSpecs';
import { initialFormState, type FormState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { formActions as A, formReducer, type FormAction } from '../../../../../../../../renderer/features/registration/store/slices/form/reducer';
import { formSelectors as S } from '../../../../../../../../renderer/features/registration/store/slices/form/selectors';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const CONFIG = { ageGroups: loadDefaultAgeGroups(), messages: loadStpUiMessages(), maxAge: 200 };
const run = (state: FormState, ...actions: FormAction[]) => actions.reduce(formReducer, state);
const start = (process: 'NEW' | 'UPDATE' | 'LOST' = 'NEW') => run(initialFormState(), A.start(loadStpProcessSpec(process), CONFIG, 'd1', ['por', 'eng'], NOW));

describe('formSelectors', () => {
  it('lists the visible fields of the current screen', () => {
    assert.deepEqual(S.visibleFields(start()).map((f) => f.id), ['consentText', 'consent', 'preferredLang']);
  });

  it('derives age and age group from the date of birth', () => {
    const s = run(start(), A.setValue('dateOfBirth', { type: 'text', value: '2022/01/01' }, NOW));
    assert.deepEqual([S.age(s), S.ageGroup(s)], [4, 'INFANT']);
    assert.deepEqual([S.age(start()), S.ageGroup(start())], [null, null]);
  });

  it('gates next on the current screen, touched or not', () => {
    const s = start();
    assert.equal(S.canGoNext(s), false);
    assert.deepEqual(S.screenIssues(s).map((i) => [i.fieldId, i.rule]), [['consent', 'required'], ['preferredLang', 'required']]);
    assert.deepEqual(S.issuesFor('consent')(s), []);
    const ok = run(s, A.setValue('consent', { type: 'flag', checked: true }, NOW), A.setValue('preferredLang', { type: 'code', code: 'eng' }, NOW));
    assert.equal(S.canGoNext(ok), true);
  });

  it('knows the first and last shown screens', () => {
    const s = start('LOST');
    assert.deepEqual([S.canGoBack(s), S.isLastScreen(s)], [false, false]);
    assert.deepEqual(S.shownScreens(s).map((x) => x.screen.name), ['consentdet', 'DemographicDetails', 'DocumentDetails', 'BiometricDetails']);
  });

  it('lists the UPDATE groups with their labels', () => {
    const groups = S.selectableGroups(start('UPDATE'));
    assert.deepEqual(groups.map((g) => g.group), ['FullName', 'DateOfBirth', 'Gender', 'ResidenceStatus', 'Address', 'Phone', 'Email', 'GuardianDetails', 'Documents', 'Biometrics']);
    assert.deepEqual(groups[0]?.label, { por: 'Nome completo', eng: 'Full name', fra: 'Nom complet' });
  });

  it('submits only the values of visible fields', () => {
    const s = run(start(), A.setValue('dateOfBirth', { type: 'text', value: '2015/01/01' }, NOW), A.setLocalizedText('introducerName', 'por', 'Rui', NOW),
      A.setValue('dateOfBirth', { type: 'text', value: '1990/01/01' }, NOW));
    assert.deepEqual(Object.keys(s.values).sort(), ['dateOfBirth', 'introducerName']);
    assert.deepEqual(Object.keys(S.submittableValues(s)), ['dateOfBirth']);
  });

  it('cuts a plain-data draft snapshot, none before a form starts', () => {
    assert.equal(S.draftSnapshot(NOW)(initialFormState()), null);
    const s = run(start(), A.setValue('consent', { type: 'flag', checked: true }, NOW));
    assert.deepEqual(S.draftSnapshot(NOW + 5)(s), {
      version: 1, draftId: 'd1', process: 'NEW', languages: ['por', 'eng'], selectedGroups: [], values: { consent: { type: 'flag', checked: true } },
      screenIndex: 0, reachedScreenIndex: 0, savedAt: NOW + 5,
    });
  });
});
