import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verhoeffDigit, verhoeffValid } from '../../../../schemas/rules/verhoeff';

/** Known answers from the Verhoeff literature, and the property the check exists for. */
describe('verhoeff', () => {
  it('gives the published check digits (236 → 3, 12345 → 1, 142857 → 0)', () => {
    assert.deepEqual(['236', '12345', '142857'].map(verhoeffDigit), [3, 1, 0]);
    assert.deepEqual(['2363', '123451', '1428570'].map(verhoeffValid), [true, true, true]);
  });

  it('catches every single-digit error and every swap of neighbours in a 10-digit UIN', () => {
    const uin = `234567890${verhoeffDigit('234567890')}`;
    assert.equal(verhoeffValid(uin), true);
    for (let i = 0; i < uin.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = `${uin.slice(0, i)}${d}${uin.slice(i + 1)}`;
        if (typo !== uin) assert.equal(verhoeffValid(typo), false, typo);
      }
      const swapped = `${uin.slice(0, i)}${uin[i + 1] ?? ''}${uin[i]}${uin.slice(i + 2)}`;
      if (i + 1 < uin.length && swapped !== uin) assert.equal(verhoeffValid(swapped), false, swapped);
    }
  });

  it('gives each body exactly one valid check digit, the one verhoeffDigit names', () => {
    for (let n = 0; n < 2000; n++) {
      const body = String(n);
      const valid = [...'0123456789'].filter((d) => verhoeffValid(body + d));
      assert.deepEqual(valid, [String(verhoeffDigit(body))], body);
    }
  });

  it('refuses what is not digits', () => {
    assert.deepEqual(['', '7', '23a3', ' 2363'].map(verhoeffValid), [false, false, false, false]);
    assert.throws(() => verhoeffDigit('12x'), RangeError);
  });
});
