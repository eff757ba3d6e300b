import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMdsTimestamp } from '../../../../native/sbi/mdsTimestamp';

/** What DeviceValidator's DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'") parses, and what it does not. */
describe('parseMdsTimestamp', () => {
  it('reads the MOSIP format as UTC', () => {
    assert.equal(parseMdsTimestamp('2026-12-02T10:15:30Z'), Date.UTC(2026, 11, 2, 10, 15, 30));
    assert.equal(parseMdsTimestamp('2028-02-29T23:59:59Z'), Date.UTC(2028, 1, 29, 23, 59, 59));
  });

  for (const [why, text] of [
    ['milliseconds', '2026-12-02T10:15:30.123Z'],
    ['an offset instead of Z', '2026-12-02T10:15:30+00:00'],
    ['a non-zero offset', '2026-12-02T11:15:30+01:00'],
    ['no zone at all', '2026-12-02T10:15:30'],
    ['a lower-case z', '2026-12-02T10:15:30z'],
    ['a space for T', '2026-12-02 10:15:30Z'],
    ['no seconds', '2026-12-02T10:15Z'],
    ['a month 13', '2026-13-02T10:15:30Z'],
    ['30 February', '2026-02-30T10:15:30Z'],
    ['29 February of a common year', '2026-02-29T10:15:30Z'],
    ['hour 24', '2026-12-02T24:00:00Z'],
    ['second 60', '2026-12-02T10:15:60Z'],
    ['an RFC 2822 date Date.parse accepts', 'Wed, 02 Dec 2026 10:15:30 GMT'],
  ] as const) {
    it(`refuses ${why}`, () => {
      assert.equal(parseMdsTimestamp(text), undefined);
    });
  }
});
