import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bearerTokenProblem } from '../../../../../electron/services/crvs/bearerToken';

const TOKEN = Buffer.from('webhook-token-0123456789abcdef');

describe('bearerTokenProblem', () => {
  it('accepts exactly the configured token', () => {
    assert.equal(bearerTokenProblem(`Bearer ${TOKEN.toString()}`, TOKEN), undefined);
  });
  it('tells a missing token from a wrong one', () => {
    for (const header of [undefined, '', 'Basic abc', 'Bearer', `bearer ${TOKEN.toString()}`, `Bearer ${TOKEN.toString()} x`]) assert.equal(bearerTokenProblem(header, TOKEN), 'missing', String(header));
    for (const token of [`${TOKEN.toString()}x`, TOKEN.toString().slice(1), 'x']) assert.equal(bearerTokenProblem(`Bearer ${token}`, TOKEN), 'mismatch', token);
  });
});
