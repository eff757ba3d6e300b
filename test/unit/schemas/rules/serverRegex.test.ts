import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileServerRegex } from '../../../../schemas/rules/serverRegex';

const accepts = (source: string, text: string): boolean => {
  const re = compileServerRegex(source);
  assert.ok(re, `${source} should compile`);
  return re.test(text);
};

describe('server-supplied field validators (RE2)', () => {
  it("runs MOSIP's sample validators as Java does", () => {
    // leading length checks of MOSIP's sample ID schema (test/fixtures/mosip-docs)
    assert.equal(accepts('^(?=.{3,50}$).*', 'Ana'), true);
    assert.equal(accepts('^(?=.{3,50}$).*', 'An'), false);
    assert.equal(accepts('^(?=.{3,50}$).*', 'A'.repeat(51)), false);
    assert.equal(accepts('^(?=.{0,50}$).*', ''), true);
    assert.equal(accepts('^[+]*([0-9]{1})([0-9]{9})$', '+2399912345'), true);
    assert.equal(accepts('^[+]*([0-9]{1})([0-9]{9})$', '239991234'), false);
    assert.equal(accepts('^[(?i)A-Z0-9]{5}$|^NA$', 'NA'), true);
    assert.equal(accepts('^\\p{L}+$', 'Conceição'), true, 'Unicode letters, as Java\'s \\p{L}');
    assert.equal(accepts('^\\p{L}+$', 'Ana1'), false);
  });

  it("honours Java's inline flags, which JavaScript's RegExp refuses", () => {
    assert.equal(accepts('(?i)^são tomé$', 'SÃO TOMÉ'), true);
  });

  it('keeps a negative lookahead and several leading lookaheads', () => {
    assert.equal(accepts('^(?!NA$)(?=.{2,4}$)[A-Z]+$', 'ABC'), true);
    assert.equal(accepts('^(?!NA$)(?=.{2,4}$)[A-Z]+$', 'NA'), false);
    assert.equal(accepts('^(?!NA$)(?=.{2,4}$)[A-Z]+$', 'ABCDE'), false);
    assert.equal(accepts('^(?=[^)]*$)\\w+', 'abc'), true, 'a ) inside a class does not close the group');
  });

  it('answers a catastrophic-backtracking pattern in linear time instead of freezing the screen', { timeout: 60_000 }, () => {
    // on a backtracking engine this takes longer than the universe's age; RE2 answers at once
    assert.equal(accepts('^(a+)+$', `${'a'.repeat(100_000)}!`), false);
    assert.equal(accepts('^(a|aa)*$', 'a'.repeat(100_000)), true);
  });

  it('returns null for what RE2 cannot run: back-references, lookbehind, a lookahead under an alternation', () => {
    for (const source of ['(a)\\1', '(?<=a)b', '^(?=a)b|c', '^(?=a', '[']) assert.equal(compileServerRegex(source), null, source);
  });
});
