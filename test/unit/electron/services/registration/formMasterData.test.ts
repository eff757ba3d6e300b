import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MasterDataRecord } from '../../../../../electron/services/db/repos/masterData';
import { documentCategoriesFrom, dynamicFieldsFrom, templateNamesOf, templatesFrom } from '../../../../../electron/services/registration/formMasterData';
import { loadStpProcessSpec } from '../../../../../schemas/data/stpDemoSpecs';

/** A stored row as listMasterData returns it; `isActive` defaults to true. */
function row(data: Record<string, unknown>, isActive = true): MasterDataRecord {
  return { rowKey: String(data['code'] ?? data['id'] ?? ''), langCode: String(data['langCode'] ?? ''), isActive, data };
}

describe('documentCategoriesFrom', () => {
  const categories = [
    row({ code: 'POI', name: 'Prova de identidade', langCode: 'por' }),
    row({ code: 'POI', name: 'Proof of identity', langCode: 'eng' }),
    row({ code: 'POA', name: 'Prova de morada', langCode: 'por' }, false),
  ];
  const types = [
    row({ code: 'CIN', name: 'Bilhete de identidade', langCode: 'por' }),
    row({ code: 'CIN', name: 'National identity card', langCode: 'eng' }),
    row({ code: 'PAS', name: 'Passaporte', langCode: 'por' }),
    row({ code: 'PAS', name: 'Passport', langCode: 'eng' }, false),
    row({ code: 'OLD', name: 'Cédula antiga', langCode: 'por' }, false),
  ];
  const valid = [
    row({ appTypeCode: '004', docCatCode: 'POI', docTypeCode: 'CIN', langCode: 'por' }),
    row({ appTypeCode: '008', docCatCode: 'POI', docTypeCode: 'CIN', langCode: 'por' }),
    row({ appTypeCode: '002', docCatCode: 'POI', docTypeCode: 'PAS', langCode: 'por' }),
    row({ appTypeCode: '001', docCatCode: 'POI', docTypeCode: 'PAS', langCode: 'por' }, false),
    row({ appTypeCode: '004', docCatCode: 'POI', docTypeCode: 'OLD', langCode: 'por' }),
  ];

  it('joins categories, types and applicant types, with names per language, dropping inactive rows', () => {
    assert.deepEqual(documentCategoriesFrom(categories, types, valid), [{
      code: 'POI',
      name: { por: 'Prova de identidade', eng: 'Proof of identity' },
      types: [
        { code: 'CIN', name: { por: 'Bilhete de identidade', eng: 'National identity card' }, applicantTypes: ['004', '008'] },
        { code: 'PAS', name: { por: 'Passaporte' }, applicantTypes: ['002'] },
      ],
    }]);
  });

  it('keeps an active category with no valid types as an empty list', () => {
    assert.deepEqual(documentCategoriesFrom(categories, types, []).map((c) => [c.code, c.types.length]), [['POI', 0]]);
  });
});

describe('dynamicFieldsFrom', () => {
  it('folds one DynamicFieldDto per language into values with text per language', () => {
    const rows = [
      row({ id: 'g1', name: 'gender', langCode: 'por', fieldVal: [{ code: 'FLE', value: 'Feminino', active: true }, { code: 'MLE', value: 'Masculino' }] }),
      row({ id: 'g2', name: 'gender', langCode: 'eng', fieldVal: [{ code: 'FLE', value: 'Female' }, { code: 'MLE', value: 'Male' }, { code: 'OTH', value: 'Other', active: false }] }),
      row({ id: 'r1', name: 'residenceStatus', langCode: 'por', fieldVal: [{ code: 'NAT', value: 'Nacional' }] }, false),
    ];
    assert.deepEqual(dynamicFieldsFrom(rows), {
      gender: [{ code: 'FLE', value: { por: 'Feminino', eng: 'Female' } }, { code: 'MLE', value: { por: 'Masculino', eng: 'Male' } }],
    });
  });

  it('reads the per-value row shape (valueJson or code/value on the row)', () => {
    const rows = [
      row({ id: '1', name: 'bloodType', langCode: 'eng', valueJson: '{"code":"A","value":"Type A"}' }),
      row({ name: 'bloodType', code: 'B', value: 'Type B', langCode: 'eng' }),
      row({ id: '3', name: 'bloodType', langCode: 'eng', valueJson: 'not json' }),
    ];
    assert.deepEqual(dynamicFieldsFrom(rows), { bloodType: [{ code: 'A', value: { eng: 'Type A' } }, { code: 'B', value: { eng: 'Type B' } }] });
  });
});

describe('templatesFrom', () => {
  const rows = [
    row({ id: '2', templateTypeCode: 'reg-consent-template', fileText: '<p>part two</p>', langCode: 'eng' }),
    row({ id: '1', templateTypeCode: 'reg-consent-template', fileText: '<p>part one</p>', langCode: 'eng' }),
    row({ id: '3', templateTypeCode: 'reg-consent-template', fileText: '<p>Consentimento</p>', langCode: 'por' }),
    row({ id: '4', templateTypeCode: 'reg-consent-template', fileText: '<p>Consentement</p>', langCode: 'fra' }, false),
    row({ id: '5', templateTypeCode: 'reg-ack-template', fileText: '<p>RID</p>', langCode: 'eng' }),
  ];

  it('concatenates the active parts of a template type per language, by id', () => {
    assert.deepEqual(templatesFrom(rows, ['reg-consent-template']), {
      'reg-consent-template': { eng: '<p>part one</p><p>part two</p>', por: '<p>Consentimento</p>' },
    });
  });

  it('gives an empty text map for a template the server does not have', () => {
    assert.deepEqual(templatesFrom(rows, ['Registration Consent']), { 'Registration Consent': {} });
  });

  it('collects the html fields\' template names of the specs', () => {
    assert.deepEqual(templateNamesOf([loadStpProcessSpec('NEW'), loadStpProcessSpec('LOST')]), ['reg-consent-template']);
  });
});
