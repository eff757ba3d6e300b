import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDefaultAgeGroups, loadStpProcessSpec, loadStpUiMessages } from '../../../../schemas/data/stpDemoSpecs';
import type { FormFieldValue } from '../../../../schemas/registrationForm';
import type { UiField } from '../../../../schemas/uiSpec';
import { validateField, type ValidationInput } from '../../../../schemas/rules/validateField';

const messages = loadStpUiMessages();
const input = (over: Partial<ValidationInput> = {}): ValidationInput => ({
  required: true, languages: ['por', 'eng'], messages, ageGroups: loadDefaultAgeGroups(), maxAge: 200, process: 'NEW', now: new Date('2026-11-22T08:00:00Z'), ...over,
});
function field(id: string): UiField {
  const f = loadStpProcessSpec('NEW').screens.flatMap((s) => s.fields).find((x) => x.id === id);
  assert.ok(f, id);
  return f;
}
const text = (value: string): FormFieldValue => ({ type: 'text', value });
const names = (por: string, eng: string): FormFieldValue => ({ type: 'localized', values: { por, eng } });

describe('validateField', () => {
  it('blocks the consent text in each data-entry language the server sent no template for', () => {
    const templates = { 'reg-consent-template': { por: '<p>Li e aceito.</p>', fra: '   ' } };
    assert.deepEqual(validateField(field('consentText'), undefined, input({ templates, languages: ['por', 'eng', 'fra'] })), [
      { fieldId: 'consentText', language: 'eng', rule: 'required', message: messages.TEMPLATE_MISSING },
      { fieldId: 'consentText', language: 'fra', rule: 'required', message: messages.TEMPLATE_MISSING },
    ]);
    assert.deepEqual(validateField(field('consentText'), undefined, input({ templates: { 'reg-consent-template': { por: 'a', eng: 'b' } } })), []);
    assert.deepEqual(validateField(field('consentText'), undefined, input({ templates, required: false })), [], 'optional: never blocks');
  });

  it('reports a blank required field once, with the message in every language', () => {
    assert.deepEqual(validateField(field('phone'), undefined, input()), [{ fieldId: 'phone', rule: 'required', message: messages.REQUIRED }]);
    assert.deepEqual(messages.REQUIRED, { por: 'Campo obrigatório.', eng: 'This field is required.', fra: 'Ce champ est obligatoire.' });
  });

  it('accepts a blank optional field without running its validators', () => {
    assert.deepEqual(validateField(field('email'), text(''), input({ required: false })), []);
  });

  it('names the language a localized value is missing in, even when optional', () => {
    assert.deepEqual(validateField(field('fullName'), names('Ana Neves', ''), input({ required: false })), [{ fieldId: 'fullName', language: 'eng', rule: 'required', message: messages.REQUIRED }]);
  });

  it('checks the regex per language with the errorCode message', () => {
    assert.deepEqual(validateField(field('fullName'), names('Ana Neves', 'A1'), input()), [{ fieldId: 'fullName', language: 'eng', rule: 'regex', message: messages.UI_STP_NAME }]);
    assert.deepEqual(validateField(field('fullName'), names('Conceição d\'Alva', 'Conceicao d\'Alva'), input()), []);
  });

  it('validates STP phone numbers', () => {
    assert.deepEqual(['+2399912345', '2221234', '9912345'].map((p) => validateField(field('phone'), text(p), input())), [[], [], []]);
    assert.deepEqual(validateField(field('phone'), text('+351912345678'), input()), [{ fieldId: 'phone', rule: 'regex', message: messages.UI_STP_PHONE }]);
  });

  it('rejects impossible, future and too-old dates of birth', () => {
    const dob = field('dateOfBirth');
    assert.deepEqual(validateField(dob, text('2023/02/29'), input()).map((i) => i.rule), ['dateFormat']);
    assert.deepEqual(validateField(dob, text('2026/11/23'), input()).map((i) => i.rule), ['dateInFuture']);
    assert.deepEqual(validateField(dob, text('1870/01/01'), input({ maxAge: 150 })).map((i) => i.rule), ['ageAboveMax']);
    assert.deepEqual(validateField(dob, text('2026/11/22'), input()), []);
  });

  it('keeps a date control within minimum/maximum days of today', () => {
    const appointment: UiField = { ...field('dateOfBirth'), id: 'appointment', controlType: 'date', minimum: 0, maximum: 30, validators: [] };
    assert.deepEqual(['2026/11/22', '2026/12/22', '2026/12/23', '2026/11/21'].map((d) => validateField(appointment, text(d), input()).map((i) => i.rule)), [[], [], ['dateRange'], ['dateRange']]);
  });

  it('requires the infant face and the adult full set', () => {
    const bio = field('individualBiometrics');
    const face: FormFieldValue = { type: 'biometrics', captured: ['face'], exceptions: [] };
    assert.deepEqual(validateField(bio, face, input(), 'INFANT'), []);
    // the issue names what is still needed (the spec's order), so the screen can say which modalities
    const eyes = ['leftEye', 'rightEye'] as const;
    const fingers = ['rightIndex', 'rightLittle', 'rightRing', 'rightMiddle', 'leftIndex', 'leftLittle', 'leftRing', 'leftMiddle', 'leftThumb', 'rightThumb'] as const;
    assert.deepEqual(validateField(bio, face, input(), 'ADULT'), [{ fieldId: 'individualBiometrics', rule: 'biometrics', message: messages.BIOMETRICS_INCOMPLETE, missing: [...eyes, ...fingers] }]);
    // a marked exception counts as accounted for; only what is neither captured nor excepted is named
    const most: FormFieldValue = { type: 'biometrics', captured: ['face', ...fingers.filter((f) => f !== 'leftThumb')], exceptions: ['leftEye'] };
    assert.deepEqual(validateField(bio, most, input(), 'ADULT').map((i) => i.missing), [['rightEye', 'leftThumb']]);
    const all: FormFieldValue = { type: 'biometrics', captured: ['face', ...fingers, 'rightEye'], exceptions: ['leftEye'] };
    assert.deepEqual(validateField(bio, all, input(), 'ADULT'), []);
  });

  it('requires the consent box to be ticked', () => {
    assert.deepEqual(validateField(field('consent'), { type: 'flag', checked: false }, input()).map((i) => i.rule), ['required']);
    assert.deepEqual(validateField(field('consent'), { type: 'flag', checked: true }, input()), []);
  });

  it('fails a validator whose regex does not compile, instead of passing it', () => {
    const broken: UiField = { ...field('phone'), validators: [{ type: 'regex', validator: '([', arguments: [], langCode: null, errorCode: 'UI_STP_PHONE' }] };
    assert.deepEqual(validateField(broken, text('9912345'), input()).map((i) => i.rule), ['regex']);
  });

  it('applies a validator with langCode only to that language', () => {
    const porOnly: UiField = { ...field('fullName'), validators: [{ type: 'regex', validator: '^[A-Z]+$', arguments: [], langCode: 'por', errorCode: null }] };
    assert.deepEqual(validateField(porOnly, names('ana', 'ana'), input()), [{ fieldId: 'fullName', language: 'por', rule: 'regex', message: messages.INVALID }]);
  });
});
