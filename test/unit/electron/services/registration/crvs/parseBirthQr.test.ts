import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../../../../schemas/errors';
import { birthRecordValues, parseBirthQr } from '../../../../../../electron/services/registration/crvs/parseBirthQr';
import { PARENT_UIN, birthQr } from '../../../../../integration/app/crvsFixtures';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

function refusal(text: string): unknown {
  try {
    parseBirthQr(text);
  } catch (err) {
    return isAppError(err) ? [err.code, err.details] : err;
  }
  return 'accepted';
}

describe('parseBirthQr', () => {
  it('reads a birth certificate QR and maps it to form values in each language, dates as yyyy/MM/dd', () => {
    const qr = parseBirthQr(JSON.stringify(birthQr(NOW)));
    const values = birthRecordValues(qr, ['por', 'eng']);
    assert.deepEqual(values['fullName'], { type: 'localized', values: { por: 'Ana Quaresma Trovoada', eng: 'Ana Quaresma Trovoada' } });
    assert.deepEqual([values['dateOfBirth'], values['birthRegistrationDate']], [{ type: 'text', value: '2026/11/02' }, { type: 'text', value: '2026/11/17' }]);
    assert.deepEqual([values['introducerUIN'], values['introducerRID'], values['gender']], [{ type: 'text', value: PARENT_UIN }, undefined, { type: 'code', code: 'FLE' }]);
  });

  it('names the field and the rule of a refused code, never its text', () => {
    const qr = birthQr(NOW);
    assert.deepEqual(refusal('<script>alert(1)</script>'), ['ERR_REG_BIRTH_QR_INVALID', { field: '(text)', rule: 'not JSON' }]);
    assert.deepEqual(refusal(' '.repeat(2049)), ['ERR_REG_BIRTH_QR_INVALID', { field: '(text)', rule: 'longer than 2048 characters' }]);
    assert.deepEqual(refusal('[]'), ['ERR_REG_BIRTH_QR_INVALID', { field: '(root)', rule: 'invalid_type' }]);
    assert.deepEqual(refusal(JSON.stringify({ ...qr, version: 2 })), ['ERR_REG_BIRTH_QR_INVALID', { field: 'version', rule: 'invalid_value' }]);
    assert.deepEqual(refusal(JSON.stringify({ ...qr, birthCertificateNumber: 'AG 1; DROP' })), ['ERR_REG_BIRTH_QR_INVALID', { field: 'birthCertificateNumber', rule: 'invalid_format' }]);
    assert.deepEqual(refusal(JSON.stringify({ ...qr, parent: { fullName: 'Maria da Graça Quaresma' } })), ['ERR_REG_BIRTH_QR_INVALID', { field: 'parent', rule: 'custom' }]);
  });
});
