import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REGISTRY_ANSWER_BYTES } from '../../../../../schemas/crvsRegistry';
import { parseRegistryAnswer } from '../../../../../electron/services/crvs/parseRegistryAnswer';
import { throwsWithCode } from '../../../../helpers/assertAppError';

const BRN = 'AG-2026/00777';
const record = (patch: Record<string, unknown> = {}, declaration: Record<string, unknown> = {}) => ({
  id: 'e1', type: 'birth', legalStatuses: { REGISTERED: { registrationNumber: BRN, acceptedAt: '2026-11-28T10:00:00.000Z' } },
  declaration: { 'child.name': { firstname: 'Ana', surname: 'Trovoada' }, 'child.dob': '2026-11-13', 'child.gender': 'female', ...declaration },
  ...patch,
});
const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
const invalid = (body: Uint8Array, field: string, rule?: string) => {
  const err = throwsWithCode(() => parseRegistryAnswer(body, BRN), 'ERR_CRVS_REGISTRY_ANSWER_INVALID');
  assert.equal((err.details as { field: string }).field, field);
  if (rule) assert.equal((err.details as { rule: string }).rule, rule);
};

describe('parseRegistryAnswer (OpenCRVS search answer for one birth registration number)', () => {
  it('returns the record registered under exactly that number', () => {
    const got = parseRegistryAnswer(bytes({ results: [record({ legalStatuses: { REGISTERED: { registrationNumber: 'AG-2026/007770', acceptedAt: '2026-11-28' } } }), record()], total: 2 }), BRN);
    assert.equal(got.legalStatuses.REGISTERED.registrationNumber, BRN);
    assert.equal(got.declaration['child.dob'], '2026-11-13');
  });
  it('a near match or no result is not found', () => {
    throwsWithCode(() => parseRegistryAnswer(bytes({ results: [], total: 0 }), BRN), 'ERR_CRVS_REGISTRY_NOT_FOUND', { birthRegistrationNumber: BRN });
    throwsWithCode(() => parseRegistryAnswer(bytes({ results: [record({ legalStatuses: { REGISTERED: { registrationNumber: 'ag-2026/00777', acceptedAt: '2026-11-28' } } })], total: 1 }), BRN), 'ERR_CRVS_REGISTRY_NOT_FOUND');
  });
  it('refuses hostile answers naming the field and rule: oversized, not JSON, prototype keys, wrong shape, too many results', () => {
    invalid(new Uint8Array(MAX_REGISTRY_ANSWER_BYTES + 1), '(body)');
    invalid(bytes('{"results":['), '(body)', 'not JSON');
    invalid(bytes(`{"__proto__":{"x":1},"results":[],"total":0}`), '__proto__', 'forbidden key');
    invalid(bytes({ results: 'all of them', total: 1 }), 'results', 'invalid_type');
    invalid(bytes({ results: [], total: -1 }), 'total', 'too_small');
    invalid(bytes({ results: Array.from({ length: 11 }, () => record()), total: 11 }), 'results', 'too_big');
    invalid(bytes({ results: [record({}, { 'child.dob': '13/11/2026' })], total: 1 }), 'results.0.declaration.child.dob', 'yyyy-MM-dd');
    invalid(bytes({ results: [record({}, { 'child.name': { firstname: 'x'.repeat(500) } })], total: 1 }), 'results.0.declaration.child.name.firstname', 'too_big');
    invalid(bytes({ results: [record({ legalStatuses: { REGISTERED: { registrationNumber: BRN, acceptedAt: 'tomorrow' } } })], total: 1 }), 'results.0.legalStatuses.REGISTERED.acceptedAt');
  });
});
