import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../../../schemas/errors';
import { describeQuartz, nextQuartzRun, normaliseQuartz } from '../../../../../electron/services/sync/quartzCron';

// Fixed instants of the test's own, checked with the same functions: no wall clock involved.
const WED_2026_12_02_10H = Date.UTC(2026, 11, 2, 10, 0, 0);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function rule(expression: string): string {
  try {
    normaliseQuartz(expression);
  } catch (err) {
    assert.ok(isAppError(err) && err.is('ERR_SYNC_CRON_INVALID'), String(err));
    assert.equal(err.details.expression, expression);
    return err.details.rule;
  }
  return 'accepted';
}

describe('Quartz cron (MOSIP sync_job_def.SYNC_FREQ)', () => {
  it("reads MOSIP's default `0 0 11 * * ?` and its `?`-first twin as daily at 11:00 UTC", () => {
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 * * ?'), WED_2026_12_02_10H)), '2026-12-02T11:00:00.000Z');
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 ? * *'), Date.UTC(2026, 11, 2, 11, 0, 0))), '2026-12-03T11:00:00.000Z');
  });

  it('counts weekdays as Quartz does (1 = Sunday … 7 = Saturday), names too', () => {
    // Quartz 2-6 is MON-FRI; read with cron's 0-based days it would be TUE-SAT
    assert.equal(normaliseQuartz('0 0 11 ? * 2-6').sixFields, '0 0 11 * * 1-5');
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 ? * 6#3'), WED_2026_12_02_10H)), '2026-12-18T11:00:00.000Z'); // 3rd Friday
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 ? * 1'), WED_2026_12_02_10H)), '2026-12-06T11:00:00.000Z'); // Sunday
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 ? * SAT'), WED_2026_12_02_10H)), '2026-12-05T11:00:00.000Z');
  });

  it('honours the optional 7th (year) field: `*`, a later year, and a year that has passed', () => {
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 * * ? *'), WED_2026_12_02_10H)), '2026-12-02T11:00:00.000Z');
    assert.equal(iso(nextQuartzRun(normaliseQuartz('0 0 11 1 1 ? 2028'), WED_2026_12_02_10H)), '2028-01-01T11:00:00.000Z');
    assert.equal(nextQuartzRun(normaliseQuartz('0 0 11 * * ? 2020-2025'), WED_2026_12_02_10H), null);
  });

  it('refuses what Quartz refuses, naming the rule', () => {
    assert.match(rule('0 11 * * *'), /6 or 7 fields, this one has 5/);
    assert.match(rule('0 0 11 * * *'), /exactly one of day-of-month and day-of-week/);
    assert.match(rule('0 0 11 ? * ?'), /exactly one of day-of-month and day-of-week/);
    assert.match(rule('0 0 11 ? * 8'), /day-of-week 8 is outside 1–7/);
    assert.match(rule('0 0 11 ? * 0'), /day-of-week 0 is outside 1–7/);
    assert.match(rule('0 0 11 ? * MON-XYZ'), /"XYZ" is not a weekday/);
    assert.match(rule('0 0 25 * * ?'), /./);
    assert.notEqual(rule('0 0 25 * * ?'), 'accepted');
    assert.match(rule('0 0 11 * * ? 99'), /year "99"/);
  });

  it('says it in plain words, Portuguese first, and in French, English and Arabic', () => {
    const daily = normaliseQuartz('0 0 11 * * ?');
    assert.equal(describeQuartz(daily, 'por'), 'Às 11:00');
    assert.equal(describeQuartz(daily, 'eng'), 'At 11:00');
    assert.match(describeQuartz(daily, 'fra'), /11:00/);
    assert.match(describeQuartz(daily, 'ara'), /11:00/);
    assert.equal(describeQuartz(normaliseQuartz('0 0 11 ? * 2-6'), 'por'), 'Às 11:00, de segunda-feira a sexta-feira');
    assert.equal(describeQuartz(normaliseQuartz('0 */15 * * * ?'), 'por'), 'A cada 15 minutos');
  });
});
