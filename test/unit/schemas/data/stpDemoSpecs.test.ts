import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  loadDefaultAgeGroups, loadStpFormBundle, loadStpIdSchema, loadStpMasterData, loadStpProcessSpec, loadStpUiMessages,
} from '../../../../schemas/data/stpDemoSpecs';
import { ProcessSpec } from '../../../../schemas/uiSpec';
import type { RegistrationProcess } from '../../../../schemas/registration';

const PROCESSES: readonly RegistrationProcess[] = ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH'];

function fieldsOf(process: RegistrationProcess) {
  return loadStpProcessSpec(process).screens.flatMap((s) => s.fields);
}

describe('stpDemoSpecs', () => {
  it('loads the six process specs with their MOSIP flows (a death updates an identity)', () => {
    const flows = PROCESSES.map((p) => { const s = loadStpProcessSpec(p); return [s.id, s.flow, s.order]; });
    assert.deepEqual(flows, [['NEW', 'NEW', 1], ['UPDATE', 'UPDATE', 2], ['LOST', 'LOST', 3], ['BIOMETRIC_CORRECTION', 'CORRECTION', 4], ['CRVS_NEW', 'NEW', 5], ['CRVS_DEATH', 'UPDATE', 6]]);
  });

  it('loads the ID schema with the sample field ids kept', () => {
    const ids = Object.keys(loadStpIdSchema().properties.identity.properties);
    for (const id of ['fullName', 'dateOfBirth', 'gender', 'residenceStatus', 'region', 'province', 'city', 'addressLine1', 'phone', 'email',
      'introducerName', 'introducerUIN', 'introducerRID', 'introducerBiometrics', 'proofOfIdentity', 'proofOfAddress', 'proofOfRelationship',
      'proofOfException', 'individualBiometrics', 'individualAuthBiometrics', 'UIN', 'IDSchemaVersion']) {
      assert.ok(ids.includes(id), id);
    }
    assert.equal(ids.includes('postalCode'), false);
  });

  it('has every input field of every process in the ID schema', () => {
    const ids = new Set(Object.keys(loadStpIdSchema().properties.identity.properties));
    const missing = PROCESSES.flatMap((p) => fieldsOf(p).filter((f) => f.controlType !== 'html' && !ids.has(f.id)).map((f) => `${p}:${f.id}`));
    assert.deepEqual(missing, []);
  });

  it('labels every field and screen in Portuguese and English', () => {
    const unlabelled = PROCESSES.flatMap((p) => loadStpProcessSpec(p).screens.flatMap((s) => [
      ...(s.label.por && s.label.eng ? [] : [`${p}:${s.name}`]),
      ...s.fields.filter((f) => f.controlType !== 'html' && !(f.label.por && f.label.eng)).map((f) => `${p}:${f.id}`),
    ]));
    assert.deepEqual(unlabelled, []);
  });

  it('has a por/eng/fra message for every validator errorCode', () => {
    const messages = loadStpUiMessages();
    const codes = new Set(PROCESSES.flatMap((p) => fieldsOf(p).flatMap((f) => (f.validators ?? []).map((v) => v.errorCode ?? 'INVALID'))));
    const incomplete = [...codes].filter((c) => !(messages[c]?.por && messages[c]?.eng && messages[c]?.fra));
    assert.deepEqual(incomplete, []);
  });

  it('lists the six districts of São Tomé and Pagué under Príncipe', () => {
    const locations = loadStpMasterData().locations;
    const districtsOf = (region: string) => locations.filter((l) => l.parentLocCode === region).map((l) => l.name.por);
    assert.deepEqual(districtsOf('ST'), ['Água Grande', 'Mé-Zóchi', 'Cantagalo', 'Caué', 'Lembá', 'Lobata']);
    assert.deepEqual(districtsOf('RAP'), ['Pagué']);
  });

  it('captures face only for infants and all 13 attributes otherwise in NEW', () => {
    const bio = fieldsOf('NEW').find((f) => f.id === 'individualBiometrics');
    assert.equal(bio?.bioAttributes?.length, 13);
    assert.deepEqual(bio?.conditionalBioAttributes?.find((c) => c.ageGroup === 'INFANT')?.bioAttributes, ['face']);
    assert.equal(bio?.exceptionPhotoRequired, true);
  });

  it('requires biometrics but no demographics in LOST', () => {
    const required = fieldsOf('LOST').filter((f) => f.required).map((f) => f.id);
    assert.deepEqual(required, ['consentText', 'consent', 'preferredLang', 'individualBiometrics']);
  });

  it('puts every UPDATE field but UIN and auth biometrics in a selectable group', () => {
    const ungrouped = fieldsOf('UPDATE').filter((f) => f.controlType !== 'html' && !f.group).map((f) => f.id);
    assert.deepEqual(ungrouped, ['UIN', 'individualAuthBiometrics']);
  });

  it('uses MOSIP default age groups', () => {
    assert.deepEqual(loadDefaultAgeGroups(), { INFANT: '0-5', MINOR: '6-17', ADULT: '18-200' });
  });

  it('bundles the processes in order', () => {
    assert.deepEqual(loadStpFormBundle().processes.map((p) => p.id), ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH']);
  });

  it('rejects a spec with a duplicate field id or an unknown control type', () => {
    const spec = structuredClone(loadStpProcessSpec('LOST'));
    const dup = { ...spec, screens: [...spec.screens, { ...spec.screens[0]!, name: 'again' }] };
    const r1 = ProcessSpec.safeParse(dup);
    assert.equal(r1.success, false);
    assert.match(r1.error?.issues[0]?.message ?? '', /duplicate field id consentText/);
    const bad = structuredClone(spec);
    (bad.screens[0]!.fields[0] as { controlType: string }).controlType = 'slider';
    const r2 = ProcessSpec.safeParse(bad);
    assert.deepEqual(r2.error?.issues[0]?.path, ['screens', 0, 'fields', 0, 'controlType']);
  });
});
