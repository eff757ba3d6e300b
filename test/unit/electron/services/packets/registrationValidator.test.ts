import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import type { RegistrationInputDraft } from '../../../../../schemas/registration';
import { SAMPLE_ID_SCHEMA } from '../../../../../schemas/registrationSampleIdSchema';
import { parseIdSchema, validateRegistration } from '../../../../../electron/services/packets/registrationValidator';
import { sampleRegistration } from '../../../../../electron/services/packets/sampleRegistration';

const schema = parseIdSchema(SAMPLE_ID_SCHEMA);
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const base = sampleRegistration({ now: NOW });

function issuesOf(draft: RegistrationInputDraft): { field: string; rule: string }[] {
  return issuesWith(draft, schema);
}

function issuesWith(draft: RegistrationInputDraft, idSchema: typeof schema): { field: string; rule: string }[] {
  try {
    validateRegistration(draft, idSchema);
  } catch (err) {
    assert.ok(err instanceof AppError && err.is('ERR_PACKET_INPUT_INVALID'), String(err));
    return err.details.issues.map(({ field, rule }) => ({ field, rule }));
  }
  return [];
}

describe('validateRegistration', () => {
  it('accepts the sample registration', () => {
    assert.deepEqual(issuesOf(base), []);
  });

  it('names a regex failure by field and language', () => {
    const d = structuredClone(base);
    d.demographics.fullName = [{ language: 'por', value: 'Al' }, { language: 'eng', value: 'Alice Neves' }];
    assert.deepEqual(issuesOf(d), [{ field: 'demographics.fullName.por', rule: 'regex' }]);
  });

  it('requires a value in every registration language', () => {
    const d = structuredClone(base);
    d.demographics.city = [{ language: 'eng', value: 'São Tomé' }];
    assert.deepEqual(issuesOf(d), [{ field: 'demographics.city.por', rule: 'language' }]);
  });

  it('reports missing required fields, documents and biometrics', () => {
    const d = structuredClone(base);
    delete d.demographics.email;
    delete d.documents!.proofOfIdentity;
    d.biometrics = {};
    assert.deepEqual(issuesOf(d), [
      { field: 'demographics.email', rule: 'required' },
      { field: 'documents.proofOfIdentity', rule: 'required' },
      { field: 'biometrics.individualBiometrics', rule: 'required' },
    ]);
  });

  // MOSIP requires per process (processRequiredFields.ts): only IDSchemaVersion of a LOST or
  // BIOMETRIC_CORRECTION ID object, IDSchemaVersion and UIN of an UPDATE, the schema's list of a NEW
  it('requires of a LOST or BIOMETRIC_CORRECTION packet only what MOSIP does, and still all of a NEW', () => {
    const bare = (process: RegistrationInputDraft['process']) => ({ ...structuredClone(base), process, demographics: {}, documents: {} });
    const rid = '10009100110000720261121090000';
    assert.deepEqual(issuesOf({ ...bare('BIOMETRIC_CORRECTION'), rid, additionalInfoReqId: `${rid}-BIOMETRIC_CORRECTION-1` }), []);
    assert.deepEqual(issuesOf({ ...bare('LOST'), biometrics: {} }), []);
    assert.deepEqual(issuesOf(bare('NEW')).filter((i) => i.rule === 'required').map((i) => i.field), [
      ...schema.properties.identity.required.filter((id) => id !== 'IDSchemaVersion' && id !== 'individualBiometrics').map((id) => (id.startsWith('proofOf') ? `documents.${id}` : `demographics.${id}`)),
    ]);
  });

  it('requires of an UPDATE only IDSchemaVersion and UIN, where the schema requires them (mandatory-attributes other)', () => {
    const d = { ...structuredClone(base), process: 'UPDATE' as const, demographics: {}, documents: {} };
    const withUin = parseIdSchema(structuredClone(SAMPLE_ID_SCHEMA));
    withUin.properties.identity.required.push('UIN');
    assert.deepEqual(issuesOf(d), []);
    assert.deepEqual(issuesWith(d, withUin), [{ field: 'demographics.UIN', rule: 'required' }]);
    assert.deepEqual(issuesWith({ ...d, demographics: { UIN: '2345678901' } }, withUin), []);
  });

  it('rejects unknown fields and values of the wrong kind or type', () => {
    const d = structuredClone(base);
    d.demographics.favouriteColour = 'blue';
    d.demographics.proofOfAddress = 'x';
    d.demographics.phone = 12345;
    assert.deepEqual(issuesOf(d), [
      { field: 'demographics.favouriteColour', rule: 'unknownField' },
      { field: 'demographics.proofOfAddress', rule: 'fieldKind' },
      { field: 'demographics.phone', rule: 'type' },
    ]);
  });

  it('reports input-model errors with their path', () => {
    const d = structuredClone(base);
    d.audits = [];
    (d as { process: string }).process = 'ADOPT';
    assert.deepEqual(issuesOf(d).map((i) => i.field).sort(), ['audits', 'process']);
  });

  it('applies the server RID checks to a given RID', () => {
    const d = { ...structuredClone(base), rid: '10001100020000120260231090000' };
    assert.deepEqual(issuesOf(d), [{ field: 'rid', rule: 'INVALID_RID_TIMESTAMP' }]);
    assert.deepEqual(issuesOf({ ...d, rid: '10001100990000120261122090000' }), [{ field: 'rid', rule: 'INVALID_RID_PREFIX' }]);
  });

  it('rejects a schema that is not an ID schema', () => {
    assert.throws(() => parseIdSchema({ properties: {} }), (e: unknown) => e instanceof AppError && e.code === 'ERR_PACKET_ID_SCHEMA_INVALID');
  });
});
