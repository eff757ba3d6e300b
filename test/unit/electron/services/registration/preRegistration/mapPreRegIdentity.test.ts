import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRID_PATTERN } from '../../../../../../schemas/preRegistration';
import { loadStpFormBundle } from '../../../../../../schemas/data/stpDemoSpecs';
import { mapPreRegIdentity } from '../../../../../../electron/services/registration/preRegistration/mapPreRegIdentity';

const bundle = loadStpFormBundle();
const fields = bundle.processes.find((p) => p.id === 'NEW' || p.flow === 'NEW')!.screens.flatMap((s) => s.fields);
const map = (identity: Record<string, unknown>, languages = ['por', 'eng']) =>
  mapPreRegIdentity({ identity, fields, languages, masterData: bundle.masterData, retained: new Set(['consent', 'consentText', 'preferredLang']) });
const pair = (por: string, eng: string) => [{ language: 'por', value: por }, { language: 'eng', value: eng }];

describe('mapPreRegIdentity', () => {
  it('maps simpleType text per data-entry language, dropping languages the draft does not use', () => {
    const { values } = map({ fullName: [...pair('Maria Neves', 'Maria Neves EN'), { language: 'fra', value: 'Marie' }] });
    assert.deepEqual(values, { fullName: { type: 'localized', values: { por: 'Maria Neves', eng: 'Maria Neves EN' } } });
    assert.deepEqual(map({ fullName: pair('Maria', 'Mary') }, ['eng']).values, { fullName: { type: 'localized', values: { eng: 'Mary' } } });
  });

  it('maps dropdown codes as codes and a name in any language back to its code', () => {
    const { values } = map({ gender: pair('FLE', 'FLE'), region: pair('Ilha de São Tomé', 'São Tomé Island'), province: [{ language: 'eng', value: 'mé-zóchi' }] });
    assert.deepEqual(values, { gender: { type: 'code', code: 'FLE' }, region: { type: 'code', code: 'ST' }, province: { type: 'code', code: 'MZC' } });
  });

  it('maps string fields and dates, converting an ISO date to yyyy/MM/dd and skipping a non-date', () => {
    assert.deepEqual(map({ phone: '+2399912345', dateOfBirth: '1988-03-14' }).values, {
      phone: { type: 'text', value: '+2399912345' },
      dateOfBirth: { type: 'text', value: '1988/03/14' },
    });
    const bad = map({ dateOfBirth: '14 March 1988' });
    assert.deepEqual([bad.values, bad.ignored], [{}, ['dateOfBirth']]);
  });

  it('returns document references and ignores retained, unknown and bookkeeping keys', () => {
    const mapped = map({
      IDSchemaVersion: 0.1,
      consent: 'Y',
      preferredLang: 'eng',
      nickname: pair('Mimi', 'Mimi'),
      proofOfAddress: { value: 'POA_fatura', type: 'UTILITY_BILL', format: 'jpg', refNumber: null },
      proofOfIdentity: { type: 'CIN' },
    });
    assert.deepEqual(mapped.documents, [{ fieldId: 'proofOfAddress', ref: { value: 'POA_fatura', type: 'UTILITY_BILL', format: 'jpg', refNumber: null } }]);
    assert.deepEqual(mapped.values, {});
    assert.deepEqual([...mapped.ignored].sort(), ['consent', 'nickname', 'preferredLang', 'proofOfIdentity']);
  });

  it('skips values of the wrong shape instead of guessing', () => {
    const mapped = map({ fullName: 42, gender: [{ lang: 'por', val: 'FLE' }] });
    assert.deepEqual([mapped.values, [...mapped.ignored].sort()], [{}, ['fullName', 'gender']]);
  });
});

describe('PRID_PATTERN', () => {
  it('accepts exactly 14 digits', () => {
    assert.deepEqual(['37162804952017', '3716280495201', '371628049520170', '3716280495201a', ' 37162804952017'].map((p) => PRID_PATTERN.test(p)), [true, false, false, false, false]);
  });
});
