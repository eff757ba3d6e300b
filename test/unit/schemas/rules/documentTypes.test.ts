import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStpMasterData } from '../../../../schemas/data/stpDemoSpecs';
import type { FormValues } from '../../../../schemas/registrationForm';
import { applicantTypeOf, documentTypeName, documentTypesFor, documentTypeText } from '../../../../schemas/rules/documentTypes';

const values = (gender?: string, residenceStatus?: string): FormValues => ({
  ...(gender ? { gender: { type: 'code', code: gender } } : {}),
  ...(residenceStatus ? { residenceStatus: { type: 'code', code: residenceStatus } } : {}),
});

describe('applicantTypeOf', () => {
  it('follows the residence × gender × child/adult table of applicanttype.mvel', () => {
    const cases: [string, string, string, string][] = [
      ['MLE', 'FR', 'INFANT', '001'], ['MLE', 'FR', 'ADULT', '002'], ['MLE', 'NFR', 'INFANT', '003'], ['MLE', 'NAT', 'MINOR', '004'],
      ['FLE', 'FR', 'INFANT', '005'], ['OTH', 'FR', 'ADULT', '006'], ['FLE', 'NAT', 'INFANT', '007'], ['FLE', 'NAT', 'ADULT', '008'],
    ];
    assert.deepEqual(cases.map(([g, r, a]) => applicantTypeOf(values(g, r), a)), cases.map((c) => c[3]));
  });

  it('is null when an input is missing or outside the table', () => {
    assert.deepEqual(
      [applicantTypeOf(values('FLE'), 'ADULT'), applicantTypeOf(values(undefined, 'NAT'), 'ADULT'), applicantTypeOf(values('FLE', 'NAT'), null), applicantTypeOf(values('XX', 'NAT'), 'ADULT'), applicantTypeOf(values('FLE', 'REF'), 'ADULT')],
      [null, null, null, null, null],
    );
  });
});

describe('documentTypesFor', () => {
  const md = loadStpMasterData();
  const codes = (category: string, applicantType: string | null) => documentTypesFor(md, category, applicantType).map((t) => t.code);

  it('offers the types mapped to the applicant type', () => {
    assert.deepEqual(codes('POI', '008'), ['CIN', 'PASSPORT', 'DRIVING_LICENCE']);
    assert.deepEqual(codes('POI', '006'), ['PASSPORT', 'DRIVING_LICENCE'], 'a foreign adult has no national identity card');
    assert.deepEqual(codes('POI', '005'), ['PASSPORT'], 'a foreign child has neither card nor licence');
  });

  it('falls back to every type of the category when the type is unknown or has none mapped', () => {
    assert.deepEqual(codes('POI', null), ['CIN', 'PASSPORT', 'DRIVING_LICENCE']);
    assert.deepEqual(codes('POI', '013'), ['CIN', 'PASSPORT', 'DRIVING_LICENCE']);
  });

  it('is empty for a category the master data lacks', () => {
    assert.deepEqual([codes('XYZ', null), documentTypesFor(null, 'POI', null)], [[], []]);
  });
});

describe('documentTypeText', () => {
  const md = loadStpMasterData();

  it("reads a type by its master-data name in the screen's language, then the registration's first language", () => {
    assert.deepEqual(['por', 'eng', 'fra'].map((ui) => documentTypeText(documentTypeName(md, 'CIN'), 'CIN', [ui, 'por'])), ['Bilhete de identidade', 'National identity card', "Carte d'identité nationale"]);
    assert.equal(documentTypeText({ por: 'Fatura de água', eng: '  ' }, 'UTILITY_BILL', ['eng', 'por']), 'Fatura de água', 'a blank name is no name');
    assert.equal(documentTypeText({ por: 'Fatura de água' }, 'UTILITY_BILL', ['fra', undefined]), 'UTILITY_BILL', 'no first language known');
  });

  it('falls back to the code only when neither language has a name', () => {
    assert.equal(documentTypeText({ ara: 'شهادة' }, 'DOC003', ['eng', 'por']), 'DOC003', 'a name in a third language is not read');
    assert.equal(documentTypeText(documentTypeName(md, 'EOP'), 'EOP', ['por', 'eng']), 'EOP');
  });
});
