import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDefaultAgeGroups, loadStpProcessSpec, loadStpUiMessages } from '../../../../../../../../schemas/data/stpDemoSpecs';
import { RegistrationDraft } from '../../../../../../../../schemas/registrationForm';
import { initialFormState, type FormConfig, type FormState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { formActions as A, formReducer, type FormAction } from '../../../../../../../../renderer/features/registration/store/slices/form/reducer';
import { formSelectors as S } from '../../../../../../../../renderer/features/registration/store/slices/form/selectors';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const CONFIG: FormConfig = { ageGroups: loadDefaultAgeGroups(), messages: loadStpUiMessages(), maxAge: 200 };
const REQUEST_ID = '10001100020000120261120090000-BIOMETRIC_CORRECTION-1';
const run = (state: FormState, ...actions: FormAction[]) => actions.reduce(formReducer, state);
const spec = loadStpProcessSpec('BIOMETRIC_CORRECTION');
const onBiometricsScreen = () => run(
  initialFormState(),
  A.start(spec, CONFIG, 'draft-bc', ['por', 'eng'], NOW),
  A.setValue('consent', { type: 'flag', checked: true }, NOW),
  A.setValue('preferredLang', { type: 'code', code: 'por' }, NOW),
  A.next(NOW),
);

/** The box MOSIP's client adds to a screen with `additionalInfoRequestIdRequired` (GenericController). */
describe('additional-info request id in the form', () => {
  it('the STP BIOMETRIC_CORRECTION spec asks for it on its biometrics screen', () => {
    const s = onBiometricsScreen();
    assert.equal(S.currentScreen(s)?.additionalInfoRequestIdRequired, true);
  });

  it('blocks leaving that screen while it is blank, and clears the issue once typed', () => {
    const blocked = run(onBiometricsScreen(), A.next(NOW));
    assert.equal(blocked.screenIndex, 1);
    assert.deepEqual(S.issuesFor('additionalInfoReqId')(blocked).map((i) => i.rule), ['required']);
    const typed = run(blocked, A.setAdditionalInfoReqId(REQUEST_ID));
    assert.deepEqual(S.issuesFor('additionalInfoReqId')(typed), []);
  });

  it('is not asked on a screen without the flag', () => {
    const s = run(initialFormState(), A.start(spec, CONFIG, 'draft-bc', ['por', 'eng'], NOW), A.setValue('consent', { type: 'flag', checked: true }, NOW), A.setValue('preferredLang', { type: 'code', code: 'por' }, NOW), A.next(NOW));
    assert.equal(s.screenIndex, 1, 'the consent screen let the operator through with the box still blank');
  });

  it('goes into the autosaved draft (trimmed) and comes back on resume', () => {
    const s = run(onBiometricsScreen(), A.setAdditionalInfoReqId(`  ${REQUEST_ID} `));
    const draft = RegistrationDraft.parse(S.draftSnapshot(NOW)(s));
    assert.equal(draft.additionalInfoReqId, REQUEST_ID);
    const resumed = run(initialFormState(), A.resume(spec, CONFIG, draft, NOW));
    assert.equal(S.additionalInfoReqId(resumed), REQUEST_ID);
    assert.equal(S.draftSnapshot(NOW)(run(onBiometricsScreen()))?.additionalInfoReqId, undefined, 'a blank box writes nothing');
  });
});
