import type { AgeGroupConfig } from '../uiSpec';

/**
 * Age and age group as the 1.2 client computes them for MVEL (`identity.age`, `identity.ageGroup`)
 * from `mosip.regproc.packet.classifier.tagging.agegroup.ranges`. Dates are MOSIP's `yyyy/MM/dd`;
 * "today" is the UTC calendar day of the injected clock (São Tomé is on UTC all year).
 */

/**
 * `mosip.registration.max_age` of this deployment: the oldest age the date of birth may give.
 * MOSIP 1.2.0.1 ships 200 (registration-default.properties), which with the STP regex (years from
 * 1869) let a birth year of 1899 through as an "adult aged 127". We use 120, the value MOSIP's own
 * registration-services tests configure (`GlobalParamRepository` fixture, `RegistrationConstants.MAX_AGE`);
 * the Java client refuses `age > maxAge` (`DateValidation#validateDate`/`populateAge`).
 */
export const MAX_AGE = 120;

/** A calendar date without time. */
export interface CalendarDate { readonly year: number; readonly month: number; readonly day: number }

/** Parses `yyyy/MM/dd` strictly (real calendar day); undefined for anything else. */
export function parseMosipDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Formats as `yyyy/MM/dd`. */
export function formatMosipDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}/${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}`;
}

/** The calendar day of `now` (UTC). */
export function today(now: Date): CalendarDate {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Completed years from `dob` to `now`; undefined for a date in the future. */
export function ageInYears(dob: CalendarDate, now: Date): number | undefined {
  const t = today(now);
  if (daysBetween(dob, t) < 0) return undefined;
  const hadBirthday = t.month > dob.month || (t.month === dob.month && t.day >= dob.day);
  return t.year - dob.year - (hadBirthday ? 0 : 1);
}

/**
 * The date of birth recorded when only an age is given (the `ageDate` control's age box): the same
 * day and month, `age` years back; 29 February falls back to 28 February in a non-leap year.
 */
export function dateOfBirthFromAge(age: number, now: Date): string {
  const t = today(now);
  const year = t.year - age;
  const d = parseMosipDate(formatMosipDate({ year, month: t.month, day: t.day })) ?? { year, month: t.month, day: t.day - 1 };
  return formatMosipDate(d);
}

/** One parsed age-group range, inclusive at both ends. */
export interface AgeGroupRange { readonly name: string; readonly min: number; readonly max: number }

/** The ranges of the config, lowest first. */
export function ageGroupRanges(config: AgeGroupConfig): AgeGroupRange[] {
  return Object.entries(config)
    .map(([name, range]) => {
      const [min, max] = range.split('-').map(Number) as [number, number];
      return { name, min, max };
    })
    .sort((a, b) => a.min - b.min);
}

/** The group whose range holds `age`, or undefined when none does (e.g. above the last range). */
export function ageGroupOf(age: number, config: AgeGroupConfig): string | undefined {
  return ageGroupRanges(config).find((r) => age >= r.min && age <= r.max)?.name;
}

/**
 * Whether the resident is a child, i.e. needs a parent or guardian (introducer): younger than the
 * start of the `ADULT` range, or than 18 when the config has no `ADULT` group.
 */
export function isChildAge(age: number, config: AgeGroupConfig): boolean {
  const adult = ageGroupRanges(config).find((r) => r.name === 'ADULT');
  return age < (adult?.min ?? 18);
}
