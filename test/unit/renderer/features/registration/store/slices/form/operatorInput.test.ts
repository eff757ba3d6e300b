import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDefaultAgeGroups, loadStpProcessSpec, loadStpUiMessages } from '../../../../../../../../schemas/data/stpDemoSpecs';
import { MAX_AGE } from '../../../../../../../../schemas/rules/ageGroups';
import { initialFormState, type FormConfig, type FormState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { formActions as A, formReducer, type FormAction } from '../../../../../../../../renderer/features/registration/store/slices/form/reducer';

/** Issue 13: what an operator in São Tomé types, through the form reducer the page runs. */
const NOW = Date.parse('2026-11-22T08:00:00Z');
const CONFIG: FormConfig = { ageGroups: loadDefaultAgeGroups(), messages: loadStpUiMessages(), maxAge: MAX_AGE };
const run = (state: FormState, ...actions: FormAction[]): FormState => actions.reduce(formReducer, state);
const start = (): FormState => run(initialFormState(), A.start(loadStpProcessSpec('NEW'), CONFIG, 'draft-1', ['por', 'eng'], NOW),
  A.setValue('consent', { type: 'flag', checked: true }, NOW), A.setValue('preferredLang', { type: 'code', code: 'por' }, NOW), A.next(NOW));
/** The year `years` before the test's "now", so the test holds on any date the reducer is given. */
const bornYearsAgo = (years: number): string => `${new Date(NOW).getUTCFullYear() - years}/01/01`;

describe('form reducer: operator input (issue 13)', () => {
  it('stores a phone typed with spaces, dots, dashes or a leading 00 in its normalised form, which the spec regex accepts', () => {
    for (const [typed, stored] of [['+239 991 2345', '+2399912345'], ['00239 991-23-45', '+2399912345'], ['991.23.45', '9912345'], ['(+239) 222 1234', '+2392221234']] as const) {
      const s = run(start(), A.setValue('phone', { type: 'text', value: typed }, NOW));
      assert.deepEqual(s.values.phone, { type: 'text', value: stored }, typed);
      assert.equal(s.issues.phone, undefined, `${typed} is refused: ${JSON.stringify(s.issues.phone)}`);
    }
  });

  it('still refuses a phone that is wrong once normalised, with the spec message', () => {
    const s = run(start(), A.setValue('phone', { type: 'text', value: '+239 991 234' }, NOW));
    assert.deepEqual(s.values.phone, { type: 'text', value: '+239991234' });
    assert.deepEqual(s.issues.phone?.map((i) => [i.rule, i.message.por]), [['regex', CONFIG.messages.UI_STP_PHONE?.por]]);
  });

  it('leaves other text fields as typed', () => {
    const s = run(start(), A.setValue('email', { type: 'text', value: 'ana.neves@exemplo.st' }, NOW));
    assert.deepEqual(s.values.email, { type: 'text', value: 'ana.neves@exemplo.st' });
  });

  it('accepts a São Tomé name with several surnames over 50 letters, refuses one over 128 and says the limit', () => {
    const long = 'Maria da Conceição Quaresma dos Santos Bragança Trovoada';
    assert.ok(long.length > 50);
    const ok = run(start(), A.setLocalizedText('fullName', 'por', long, NOW), A.setLocalizedText('fullName', 'eng', long, NOW));
    assert.equal(ok.issues.fullName, undefined, JSON.stringify(ok.issues.fullName));
    const tooLong = `${long} ${'Costa '.repeat(12)}Lima`;
    assert.ok(tooLong.length > 128);
    const bad = run(start(), A.setLocalizedText('fullName', 'por', tooLong, NOW), A.setLocalizedText('fullName', 'eng', long, NOW));
    assert.deepEqual(bad.issues.fullName?.map((i) => [i.language, i.rule]), [['por', 'regex']]);
    assert.match(bad.issues.fullName?.[0]?.message.por ?? '', /3 a 128 caracteres/);
  });

  it('refuses a birth year that gives an age over mosip.registration.max_age, naming the limit; accepts one at the limit', () => {
    const s = run(start(), A.setValue('dateOfBirth', { type: 'text', value: '1899/05/01' }, NOW));
    assert.deepEqual(s.issues.dateOfBirth?.map((i) => i.rule), ['ageAboveMax']);
    assert.match(s.issues.dateOfBirth?.[0]?.message.por ?? '', new RegExp(`mais de ${MAX_AGE} anos`));
    assert.match(s.issues.dateOfBirth?.[0]?.message.eng ?? '', new RegExp(`over ${MAX_AGE} years`));
    const overBy1 = run(start(), A.setValue('dateOfBirth', { type: 'text', value: bornYearsAgo(MAX_AGE + 1) }, NOW));
    assert.deepEqual(overBy1.issues.dateOfBirth?.map((i) => i.rule), ['ageAboveMax']);
    const atLimit = run(start(), A.setValue('dateOfBirth', { type: 'text', value: bornYearsAgo(MAX_AGE) }, NOW));
    assert.equal(atLimit.issues.dateOfBirth, undefined);
  });

  it("for a minor, the guardian's UIN and RID each say that either one is enough; one filled lifts the other", () => {
    const minor = run(start(), A.setValue('dateOfBirth', { type: 'text', value: bornYearsAgo(10) }, NOW), A.next(NOW));
    assert.deepEqual([minor.required.introducerUIN, minor.required.introducerRID], [true, true]);
    const uin = minor.issues.introducerUIN?.[0]?.message;
    const rid = minor.issues.introducerRID?.[0]?.message;
    assert.equal(uin?.por, 'Preencha este campo ou «N.º de pedido (RID) do responsável»: basta um dos dois.');
    assert.equal(rid?.eng, 'Fill in this field or “UIN of parent or guardian”: either one is enough.');
    assert.deepEqual(minor.issues.introducerName?.map((i) => i.message.por), ['Campo obrigatório.'], 'a field with no alternative keeps the plain message');
    const withUin = run(minor, A.setValue('introducerUIN', { type: 'text', value: '2345678901' }, NOW), A.next(NOW));
    assert.deepEqual([withUin.required.introducerRID, withUin.issues.introducerRID, withUin.issues.introducerUIN], [false, undefined, undefined]);
  });
});
