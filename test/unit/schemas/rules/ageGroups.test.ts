import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageGroupOf, ageInYears, dateOfBirthFromAge, isChildAge, parseMosipDate } from '../../../../schemas/rules/ageGroups';

const GROUPS = { INFANT: '0-5', MINOR: '6-17', ADULT: '18-200' };
const NOW = new Date('2026-11-22T08:00:00Z');

describe('ageGroups', () => {
  it('parses real yyyy/MM/dd dates only', () => {
    assert.deepEqual(parseMosipDate('2024/02/29'), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(['2023/02/29', '2024-02-01', '2024/13/01', '2024/1/01', ' 2024/01/01', '2024/04/31'].map(parseMosipDate), [undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('counts completed years around the birthday', () => {
    assert.equal(ageInYears({ year: 2008, month: 11, day: 22 }, NOW), 18);
    assert.equal(ageInYears({ year: 2008, month: 11, day: 23 }, NOW), 17);
    assert.equal(ageInYears({ year: 2026, month: 11, day: 22 }, NOW), 0);
    assert.equal(ageInYears({ year: 2026, month: 11, day: 23 }, NOW), undefined);
  });

  it('derives the date of birth from an age, with 29 February falling back', () => {
    assert.equal(dateOfBirthFromAge(30, NOW), '1996/11/22');
    assert.equal(dateOfBirthFromAge(1, new Date('2028-02-29T12:00:00Z')), '2027/02/28');
  });

  it('maps ages to MOSIP default groups at the boundaries', () => {
    assert.deepEqual([0, 5, 6, 17, 18, 200, 201].map((a) => ageGroupOf(a, GROUPS)), ['INFANT', 'INFANT', 'MINOR', 'MINOR', 'ADULT', 'ADULT', undefined]);
  });

  it('calls a resident a child below the ADULT range, or below 18 without one', () => {
    assert.deepEqual([17, 18].map((a) => isChildAge(a, GROUPS)), [true, false]);
    assert.deepEqual([15, 16].map((a) => isChildAge(a, { CHILD: '0-15', GROWN: '16-150' })), [true, true]);
    assert.equal(isChildAge(20, { KID: '0-20', ADULT: '21-150' }), true);
  });
});
