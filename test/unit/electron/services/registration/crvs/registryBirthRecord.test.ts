import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RegistryBirthRecord } from '../../../../../../schemas/crvsRegistry';
import { registryBirthRecord } from '../../../../../../electron/services/registration/crvs/registryBirthRecord';
import { throwsWithCode } from '../../../../../helpers/assertAppError';

const base: RegistryBirthRecord = {
  id: 'e1', type: 'birth', legalStatuses: { REGISTERED: { registrationNumber: 'AG-2026/00777', acceptedAt: '2026-11-28T10:00:00.000Z' } },
  declaration: { 'child.name': { firstname: 'Ana', middlename: '', surname: 'Quaresma Trovoada' }, 'child.dob': '2026-11-13', 'child.gender': 'female', 'mother.name': { firstname: 'Maria', surname: 'Quaresma' }, 'mother.nid': '2345678906' },
};
const with_ = (d: Partial<RegistryBirthRecord['declaration']>): RegistryBirthRecord => ({ ...base, declaration: { ...base.declaration, ...d } });

describe('registryBirthRecord (an OpenCRVS birth as the CRVS_NEW form takes it)', () => {
  it('maps the number, the registration day, the child and the mother with her national ID as introducer', () => {
    assert.deepEqual(registryBirthRecord(base), {
      birthCertificateNumber: 'AG-2026/00777', birthRegistrationDate: '2026-11-28',
      child: { fullName: 'Ana Quaresma Trovoada', dateOfBirth: '2026-11-13', gender: 'FLE' },
      parent: { fullName: 'Maria Quaresma', uin: '2345678906' },
    });
    assert.equal(registryBirthRecord(with_({ 'child.gender': 'male' })).child.gender, 'MLE');
  });
  it('leaves to the operator what does not map: another sex value, a mother without a 10-digit ID', () => {
    assert.equal(registryBirthRecord(with_({ 'child.gender': 'unknown' })).child.gender, undefined);
    assert.equal(registryBirthRecord(with_({ 'mother.nid': '12345' })).parent, undefined);
    const { 'mother.nid': _nid, ...noNid } = base.declaration;
    assert.equal(registryBirthRecord({ ...base, declaration: noNid }).parent, undefined);
  });
  it('refuses a child without a usable name', () => {
    throwsWithCode(() => registryBirthRecord(with_({ 'child.name': { firstname: 'A' } })), 'ERR_CRVS_REGISTRY_ANSWER_INVALID', { field: 'declaration.child.name', rule: '3 to 128 characters' });
  });
});
