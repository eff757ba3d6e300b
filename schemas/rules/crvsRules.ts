import type { FieldIssue, FormValues } from '../registrationForm';
import type { UiMessages } from '../uiSpec';
import { daysBetween, parseMosipDate } from './ageGroups';
import { verhoeffValid } from './verhoeff';

/**
 * Identity numbers a CRVS process takes from a person (the deceased's UIN or VID, the parent's
 * UIN, the informant's UIN): a 10-digit UIN or a 16-digit VID carries MOSIP's Verhoeff check
 * digit, so a mistyped one is refused here instead of failing (or, worse, matching another
 * identity) on the server. 29-digit RIDs have no check digit.
 */
const IDENTITY_NUMBER_FIELDS = ['UIN', 'introducerUIN', 'deceasedInformer'] as const;
const CHECKED_LENGTHS = new Set([10, 16]);

function textOf(values: FormValues, fieldId: string): string {
  const v = values[fieldId];
  return v?.type === 'text' ? v.value.trim() : '';
}

function issue(fieldId: string, rule: FieldIssue['rule'], code: string, messages: UiMessages): FieldIssue {
  return { fieldId, rule, message: { ...(messages[code] ?? messages['INVALID'] ?? { eng: code }) } };
}

/**
 * The checks the CRVS processes add to their specs' rules: identity-number check digits, and a
 * child born no later than the birth was registered. Other processes get none (their specs and
 * tests predate the check digit; extending it is a separate decision).
 */
export function crvsIssues(process: string, values: FormValues, messages: UiMessages): FieldIssue[] {
  if (process !== 'CRVS_NEW' && process !== 'CRVS_DEATH') return [];
  const issues: FieldIssue[] = IDENTITY_NUMBER_FIELDS.flatMap((fieldId) => {
    const number = textOf(values, fieldId);
    return /^[0-9]+$/.test(number) && CHECKED_LENGTHS.has(number.length) && !verhoeffValid(number) ? [issue(fieldId, 'checksum', 'UIN_CHECKSUM', messages)] : [];
  });
  const born = parseMosipDate(textOf(values, 'dateOfBirth'));
  const registered = parseMosipDate(textOf(values, 'birthRegistrationDate'));
  if (process === 'CRVS_NEW' && born && registered && daysBetween(registered, born) > 0) {
    issues.push(issue('birthRegistrationDate', 'dateRange', 'BIRTH_REGISTERED_BEFORE_BIRTH', messages));
  }
  return issues;
}
