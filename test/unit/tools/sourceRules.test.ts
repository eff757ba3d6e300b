import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSource } from '../../tools/sourceRules';

describe('sourceRules', () => {
  it('flags .then chains', () => {
    assert.equal(checkSource('electron/x.ts', 'p.then(() => 1);')[0]?.message, 'use async/await, not .then chains (STYLE rule 31)');
  });
  it('flags focused and skipped tests', () => {
    assert.equal(checkSource('test/x.test.ts', "it.only('a', () => {});").length, 1);
    assert.equal(checkSource('test/x.test.ts', "it.skip('a', () => {});").length, 1);
  });
  it('flags eval and new Function', () => {
    assert.equal(checkSource('renderer/x.ts', 'eval(code);').length, 1);
    assert.equal(checkSource('renderer/x.ts', 'new Function(code);').length, 1);
  });
  it('accepts ordinary code', () => {
    assert.deepEqual(checkSource('renderer/x.ts', 'const then = await load();'), []);
  });
});
