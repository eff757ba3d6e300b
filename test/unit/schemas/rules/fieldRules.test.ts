import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDefaultAgeGroups, loadStpProcessSpec } from '../../../../schemas/data/stpDemoSpecs';
import type { FormValues } from '../../../../schemas/registrationForm';
import type { RegistrationProcess } from '../../../../schemas/registration';
import type { ProcessFlow, UiField } from '../../../../schemas/uiSpec';
import { buildMvelContext } from '../../../../schemas/rules/buildMvelContext';
import { bioRequirement, bioRequirementMet, isFieldRequired, isFieldVisible } from '../../../../schemas/rules/fieldRules';

const NOW = new Date('2026-11-22T08:00:00Z');

function field(process: RegistrationProcess, id: string): UiField {
  const f = loadStpProcessSpec(process).screens.flatMap((s) => s.fields).find((x) => x.id === id);
  assert.ok(f, id);
  return f;
}

function contextFor(values: FormValues, flow: ProcessFlow = 'NEW', selectedGroups: string[] = []) {
  return buildMvelContext({ values, process: flow === 'CORRECTION' ? 'BIOMETRIC_CORRECTION' : flow, flow, languages: ['por', 'eng'], selectedGroups, updatableFields: [], ageGroups: loadDefaultAgeGroups(), now: NOW });
}
const born = (dob: string): FormValues => ({ dateOfBirth: { type: 'text', value: dob } });

describe('fieldRules', () => {
  it('builds the MOSIP context with age, age group and flow flags', () => {
    const { identity } = contextFor({ ...born('2023/01/10'), gender: { type: 'code', code: 'FLE' }, fullName: { type: 'localized', values: { por: 'Ana', eng: 'Ana' } } });
    assert.deepEqual(identity, {
      dateOfBirth: '2023/01/10', gender: 'FLE', fullName: [{ language: 'por', value: 'Ana' }, { language: 'eng', value: 'Ana' }],
      age: 3, ageGroup: 'INFANT', isChild: true, _flow: 'NEW', _process: 'NEW', isNew: true, isUpdate: false, isLost: false,
      langCodes: ['por', 'eng'], updatableFieldGroups: [], updatableFields: [], isBioException: false,
    });
  });

  it('shows and requires the guardian for minors and infants, not adults', () => {
    const name = field('NEW', 'introducerName');
    assert.deepEqual(['2023/01/10', '2012/05/01', '1990/05/01'].map((d) => [isFieldVisible(name, contextFor(born(d))), isFieldRequired(name, contextFor(born(d)))]),
      [[true, true], [true, true], [false, false]]);
  });

  it('requires either the guardian UIN or RID, not both', () => {
    const uin = field('NEW', 'introducerUIN');
    const rid = field('NEW', 'introducerRID');
    const withRid: FormValues = { ...born('2012/05/01'), introducerRID: { type: 'text', value: '10001100771006920220128223618' } };
    assert.deepEqual([isFieldRequired(uin, contextFor(withRid)), isFieldRequired(rid, contextFor(withRid))], [false, true]);
    assert.deepEqual([isFieldRequired(uin, contextFor(born('2012/05/01'))), isFieldRequired(rid, contextFor(born('2012/05/01')))], [true, true]);
  });

  it('lets requiredOn override required, and never requires a hidden field', () => {
    const poi = field('NEW', 'proofOfIdentity');
    assert.equal(poi.required, false);
    assert.equal(isFieldRequired(poi, contextFor(born('1990/05/01'))), true);
    assert.equal(isFieldRequired(poi, contextFor(born('2012/05/01'))), false);
    assert.equal(isFieldRequired(field('NEW', 'proofOfRelationship'), contextFor(born('1990/05/01'))), false);
  });

  it('treats a missing age as no age group, so child-only fields stay hidden', () => {
    assert.equal(isFieldVisible(field('NEW', 'introducerName'), contextFor({})), false);
  });

  it('shows UPDATE fields only for the selected groups', () => {
    const phone = field('UPDATE', 'phone');
    assert.deepEqual([isFieldVisible(phone, contextFor({}, 'UPDATE', ['Phone'])), isFieldVisible(phone, contextFor({}, 'UPDATE', ['Address']))], [true, false]);
    const auth = field('UPDATE', 'individualAuthBiometrics');
    assert.deepEqual([isFieldRequired(auth, contextFor({}, 'UPDATE', ['Phone'])), isFieldRequired(auth, contextFor({}, 'UPDATE', ['Biometrics']))], [true, false]);
  });

  it('requires the proof of exception only when a biometric exception is marked', () => {
    const poe = field('NEW', 'proofOfException');
    const bio = (exceptions: ('leftThumb' | 'face')[]): FormValues => ({ individualBiometrics: { type: 'biometrics', captured: ['face'], exceptions } });
    assert.deepEqual([isFieldRequired(poe, contextFor(bio([]))), isFieldRequired(poe, contextFor(bio(['leftThumb'])))], [false, true]);
  });

  it('asks infants for the face only and adults for all 13 attributes', () => {
    const bio = field('NEW', 'individualBiometrics');
    assert.deepEqual(bioRequirement(bio, 'INFANT', 'NEW'), { attributes: ['face'], validationExpr: 'face' });
    assert.deepEqual(bioRequirement(bio, 'ADULT', 'NEW').attributes.length, 13);
    assert.equal(bioRequirement(bio, 'ADULT', 'NEW').validationExpr, undefined);
  });

  it('matches conditional entries in MOSIP order: age group, then process, then ALL', () => {
    const base = field('NEW', 'individualBiometrics');
    const f: UiField = { ...base, conditionalBioAttributes: [
      { ageGroup: 'ALL', process: 'ALL', validationExpr: 'face', bioAttributes: ['face'] },
      { ageGroup: 'ALL', process: 'LOST', validationExpr: 'leftThumb', bioAttributes: ['leftThumb'] },
      { ageGroup: 'MINOR', process: 'ALL', validationExpr: 'rightThumb', bioAttributes: ['rightThumb'] },
    ] };
    assert.deepEqual(['MINOR:NEW', 'ADULT:LOST', 'ADULT:NEW'].map((k) => { const [a, p] = k.split(':') as [string, string]; return bioRequirement(f, a, p).validationExpr; }), ['rightThumb', 'leftThumb', 'face']);
  });

  it('counts exceptions as covered and evaluates validationExpr over attribute names', () => {
    const all = { attributes: ['leftEye', 'rightEye', 'face'] as const };
    assert.equal(bioRequirementMet(all, ['face', 'leftEye'], ['rightEye']), true);
    assert.equal(bioRequirementMet(all, ['face', 'leftEye'], []), false);
    const expr = { attributes: ['face', 'leftEye', 'rightEye'] as const, validationExpr: 'face || (leftEye && rightEye)' };
    assert.deepEqual([bioRequirementMet(expr, ['leftEye', 'rightEye'], []), bioRequirementMet(expr, ['leftEye'], []), bioRequirementMet(expr, [], [])], [true, false, false]);
  });
});
