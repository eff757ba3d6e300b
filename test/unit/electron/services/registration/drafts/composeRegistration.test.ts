import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStpFormBundle } from '../../../../../../schemas/data/stpDemoSpecs';
import type { FormFieldValue, RegistrationDraft } from '../../../../../../schemas/registrationForm';
import { composeRegistration } from '../../../../../../electron/services/registration/drafts/composeRegistration';
import { draftForm } from '../../../../../../electron/services/registration/drafts/draftForm';
import { specIssues } from '../../../../../../electron/services/registration/drafts/validateDraft';
import { throwsWithCode } from '../../../../../helpers/assertAppError';

const bundle = loadStpFormBundle();
const spec = bundle.processes.find((p) => p.id === 'NEW')!;
const now = new Date(Date.UTC(2026, 10, 22, 9));
const two = (por: string, eng: string): FormFieldValue => ({ type: 'localized', values: { por, eng } });

function draft(values: Record<string, FormFieldValue>): RegistrationDraft {
  return { version: 1, draftId: 'd1', process: 'NEW', languages: ['por', 'eng'], selectedGroups: [], values, screenIndex: 0, reachedScreenIndex: 0, savedAt: 0 };
}

function compose(values: Record<string, FormFieldValue>, document: () => undefined | { fieldId: string; bytes: Buffer } = () => undefined) {
  return composeRegistration({
    form: draftForm(draft(values), spec, bundle, now), idSchema: bundle.idSchema, idSchemaVersion: 0.1, series: [], operatorId: 'officer1', startedAt: 1,
    document: (storageId) => {
      const d = document();
      return d && { storageId, draftId: 'd1', fieldId: d.fieldId, documentType: 'RNC', format: 'pdf', refNumber: null, bytes: d.bytes, createdAt: 1 };
    },
  });
}

describe('composeRegistration', () => {
  it('writes demographics as MOSIP 1.2 does: simpleType per language, dropdown names per language, string codes, Y/N', () => {
    const input = compose({
      consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' }, fullName: two('Maria Neves', 'Maria Neves'),
      dateOfBirth: { type: 'text', value: '1990/05/17' }, gender: { type: 'code', code: 'FLE' }, region: { type: 'code', code: 'RAP' }, province: { type: 'code', code: 'PAG' },
      introducerName: two('Hidden Adult Introducer', 'x'),
    });
    assert.deepEqual(input.demographics, {
      consent: 'Y', preferredLang: 'por', fullName: [{ language: 'por', value: 'Maria Neves' }, { language: 'eng', value: 'Maria Neves' }],
      dateOfBirth: '1990/05/17',
      gender: [{ language: 'por', value: 'Feminino' }, { language: 'eng', value: 'Female' }],
      region: [{ language: 'por', value: 'Região Autónoma do Príncipe' }, { language: 'eng', value: 'Autonomous Region of Príncipe' }],
      province: [{ language: 'por', value: 'Pagué' }, { language: 'eng', value: 'Pagué' }],
    });
    assert.deepEqual([input.consent, input.langCodes, input.process, input.idSchemaVersion], [true, ['por', 'eng'], 'NEW', 0.1]);
  });

  it('takes document bytes from the store and refuses a value naming no stored scan', () => {
    const doc: FormFieldValue = { type: 'document', documentType: 'RNC', format: 'pdf', refNumber: 'R1', storageId: 's1', sizeBytes: 3 };
    const input = compose({ proofOfAddress: doc }, () => ({ fieldId: 'proofOfAddress', bytes: Buffer.from('%PDF') }));
    assert.deepEqual(input.documents, { proofOfAddress: { category: 'POA', type: 'RNC', format: 'pdf', refNumber: 'R1', owner: 'Applicant', content: Buffer.from('%PDF').toString('base64') } });
    throwsWithCode(() => compose({ proofOfAddress: doc }), 'ERR_REG_DOCUMENT_NOT_ATTACHED', { fieldId: 'proofOfAddress' });
  });

  it('asks for the exception photo once an exception is marked on a field that requires it', () => {
    const form = draftForm(draft({ individualBiometrics: { type: 'biometrics', captured: [], exceptions: ['leftLittle'] } }), spec, bundle, now);
    const rules = (hasPhoto: boolean) => specIssues(form, () => hasPhoto).filter((i) => i.fieldId === 'individualBiometrics').length;
    assert.equal(rules(false) - rules(true), 1);
  });
});
