import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStpProcessSpec } from '../../../../schemas/data/stpDemoSpecs';
import { normaliseFieldText, normalisePhone } from '../../../../schemas/rules/normaliseInput';
import { compileServerRegex } from '../../../../schemas/rules/serverRegex';
import { requiredAlternatives } from '../../../../schemas/rules/fieldRules';

const fields = loadStpProcessSpec('NEW').screens.flatMap((s) => s.fields);
const field = (id: string) => {
  const f = fields.find((x) => x.id === id);
  assert.ok(f, id);
  return f;
};

describe('normalisePhone', () => {
  it('drops spaces, no-break spaces, dots, dashes and brackets, and writes a leading 00 as +', () => {
    assert.equal(normalisePhone('+239 991\u00a02345'), '+2399912345');
    assert.equal(normalisePhone('00239.991.23.45'), '+2399912345');
    assert.equal(normalisePhone('(+239) 991-2345'), '+2399912345');
    assert.equal(normalisePhone('9912345'), '9912345');
  });

  it('keeps letters and a 00 that is not leading, so the regex still refuses what is wrong', () => {
    assert.equal(normalisePhone('991 23 4a'), '991234a');
    assert.equal(normalisePhone('99100 45'), '9910045');
  });

  it('gives what the STP spec regex (also the ID schema) accepts for the usual ways of writing a number', () => {
    const validator = field('phone').validators?.[0]?.validator ?? '';
    const re = compileServerRegex(validator);
    assert.ok(re, validator);
    for (const typed of ['+239 991 2345', '00239 222 1234', '991-23-45', '222.12.34']) assert.ok(re.test(normalisePhone(typed)), typed);
    assert.equal(re.test('+239 991 2345'), false, 'the regex alone refuses the spaces: the normalising is what lets it through');
  });

  it('only touches phone fields', () => {
    assert.equal(normaliseFieldText(field('phone'), '991 2345'), '9912345');
    assert.equal(normaliseFieldText(field('email'), 'a b.c-d'), 'a b.c-d');
    assert.equal(normaliseFieldText(field('introducerUIN'), '234 567 8901'), '234 567 8901');
  });
});

describe('requiredAlternatives', () => {
  it("finds the guardian's UIN and RID as each other's alternative from their requiredOn rules", () => {
    assert.deepEqual(requiredAlternatives(field('introducerUIN'), fields).map((f) => f.id), ['introducerRID']);
    assert.deepEqual(requiredAlternatives(field('introducerRID'), fields).map((f) => f.id), ['introducerUIN']);
    assert.deepEqual(requiredAlternatives(field('introducerName'), fields), []);
    assert.deepEqual(requiredAlternatives(field('fullName'), fields), []);
  });
});
