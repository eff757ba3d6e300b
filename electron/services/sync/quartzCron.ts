import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue/i18n';
import { AppError } from '../../../schemas/errors';

/** A Quartz expression made safe for cron-parser and cronstrue, which count weekdays from 0 = Sunday. */
export interface NormalisedCron {
  /** seconds minutes hours day-of-month month day-of-week, `?` as `*`, weekdays 0–6 */
  readonly sixFields: string;
  /** years the optional 7th Quartz field allows; undefined = every year */
  readonly years?: readonly number[];
}

const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';
const DAYS = 'SUN|MON|TUE|WED|THU|FRI|SAT';
const MAX_YEAR = 2199; // Quartz CronExpression's last year

function invalid(expression: string, rule: string): AppError {
  return new AppError('ERR_SYNC_CRON_INVALID', { expression, rule });
}

/** Quartz weekdays are 1 = SUN … 7 = SAT (org.quartz.CronExpression); cron-parser's are 0 = SUN … 6 = SAT. */
function shiftWeekday(expression: string, token: string): string {
  const n = Number(token);
  if (!Number.isInteger(n) || n < 1 || n > 7) throw invalid(expression, `day-of-week ${token} is outside 1–7 (SUN–SAT)`);
  return String(n - 1);
}

function normaliseDayOfWeek(expression: string, field: string): string {
  if (field === '?' || field === '*') return '*';
  return field
    .split(',')
    .map((item) => {
      const m = /^([0-9A-Z]+)(?:-([0-9A-Z]+))?(?:\/(\d+))?$|^([0-9A-Z]+)#([1-5])$|^([0-9A-Z]+)L$/.exec(item.toUpperCase());
      if (!m) throw invalid(expression, `day-of-week item "${item}" is not a Quartz day-of-week`);
      const day = (d: string): string => {
        if (/^\d+$/.test(d)) return shiftWeekday(expression, d);
        if (new RegExp(`^(${DAYS})$`).test(d)) return d;
        throw invalid(expression, `"${d}" is not a weekday`);
      };
      if (m[4] !== undefined) return `${day(m[4])}#${m[5]}`;
      if (m[6] !== undefined) return `${day(m[6])}L`;
      return `${day(m[1]!)}${m[2] ? `-${day(m[2])}` : ''}${m[3] ? `/${m[3]}` : ''}`;
    })
    .join(',');
}

function parseYears(expression: string, field: string): readonly number[] | undefined {
  if (field === '*' || field === '?') return undefined;
  const years = new Set<number>();
  for (const item of field.split(',')) {
    const m = /^(\d{4})(?:-(\d{4}))?$/.exec(item);
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || from < 1970 || to > MAX_YEAR || to < from) throw invalid(expression, `year "${item}" must be a year 1970–${MAX_YEAR} or a range of them`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Reads a Quartz cron expression as MOSIP's `sync_job_def.SYNC_FREQ` holds it (`0 0 11 * * ?`):
 * 6 or 7 fields (seconds first, optional year), exactly one of day-of-month / day-of-week `?`.
 * @throws AppError ERR_SYNC_CRON_INVALID naming the rule broken
 */
export function normaliseQuartz(expression: string): NormalisedCron {
  const fields = expression.trim().toUpperCase().split(/\s+/);
  if (fields.length < 6 || fields.length > 7) throw invalid(expression, `a Quartz expression has 6 or 7 fields, this one has ${fields.length}`);
  const [sec, min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string, string | undefined];
  if ((dom === '?') === (dow === '?')) throw invalid(expression, 'exactly one of day-of-month and day-of-week must be "?"');
  if (!new RegExp(`^([0-9*,/\\-]|${MONTHS})+$`).test(month)) throw invalid(expression, `month "${month}" is not a Quartz month`);
  const sixFields = [sec, min, hour, dom === '?' ? '*' : dom, month, normaliseDayOfWeek(expression, dow)].join(' ');
  try {
    CronExpressionParser.parse(sixFields, { tz: 'UTC' });
  } catch (cause) {
    throw new AppError('ERR_SYNC_CRON_INVALID', { expression, rule: (cause as Error).message }, { cause });
  }
  return { sixFields, years: year === undefined ? undefined : parseYears(expression, year) };
}

/**
 * The first run strictly after `from` (ms), in `tz` (MOSIP's client computes missed triggers in UTC:
 * registration-client JobConfigurationServiceImpl.getNext), or null if the year field has run out.
 */
export function nextQuartzRun(cron: NormalisedCron, from: number, tz = 'UTC'): number | null {
  const it = CronExpressionParser.parse(cron.sixFields, { currentDate: new Date(from), tz });
  const years = cron.years;
  if (years && years.at(-1)! < new Date(from).getUTCFullYear()) return null;
  // a year-restricted expression may need to skip whole years; each step is one run of the rest
  for (let i = 0; i < 100_000 && it.hasNext(); i++) {
    const at = it.next().getTime();
    const year = new Date(at).getUTCFullYear();
    if (!years || years.includes(year)) return at;
    if (year > years.at(-1)!) return null;
  }
  return null;
}

/** cronstrue's names for the app's four languages; Portuguese as in Portugal is closest to São Tomé's. */
const CRONSTRUE_LOCALE = { por: 'pt_PT', eng: 'en', fra: 'fr', ara: 'ar' } as const;
export type CronLanguage = keyof typeof CRONSTRUE_LOCALE;

/** The expression in plain words for the supervisor ("Às 11:00"), 24-hour clock. */
export function describeQuartz(cron: NormalisedCron, lang: CronLanguage): string {
  const seven = cron.years ? `${cron.sixFields} ${cron.years.join(',')}` : cron.sixFields;
  return cronstrue.toString(seven, { locale: CRONSTRUE_LOCALE[lang], use24HourTimeFormat: true, dayOfWeekStartIndexZero: true });
}
