import type { FieldIssue, FieldRule, FormFieldValue } from '../registrationForm';
import type { AgeGroupConfig, LocalizedText, UiField, UiMessages, UiValidator } from '../uiSpec';
import { ageGroupOf, ageInYears, daysBetween, parseMosipDate, today } from './ageGroups';
import { bioMissing, bioRequirement, bioRequirementMet } from './fieldRules';
import { compileServerRegex } from './serverRegex';
import { unreachable } from '../errors/assert';

/** What validation needs besides the field and its value. */
export interface ValidationInput {
  readonly required: boolean;
  /** the resident's data-entry languages; a localized field is checked in each */
  readonly languages: readonly string[];
  readonly messages: UiMessages;
  readonly ageGroups: AgeGroupConfig;
  /** `mosip.registration.max_age` (200 in 1.2.0.1) */
  readonly maxAge: number;
  readonly process: string;
  readonly now: Date;
  /** html templates by `templateName`, text per language (bundle master data); absent = not checked */
  readonly templates?: Readonly<Record<string, LocalizedText>>;
  /** labels of the fields that would do instead of this one (`requiredAlternatives`): "either is enough" */
  readonly alternatives?: readonly LocalizedText[];
}

/** Per-language values for a message's `{{name}}` placeholders. */
type MessageParams = Readonly<Record<string, string | LocalizedText>>;

/** Fills `{{name}}` in each language's text; a per-language value falls back to English, then to any. */
function fill(text: string, language: string, params: MessageParams): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'string' ? v : (v[language] ?? v.eng ?? Object.values(v)[0] ?? whole);
  });
}

function issue(fieldId: string, rule: FieldRule, code: string, messages: UiMessages, language?: string, params: MessageParams = {}): FieldIssue {
  const texts = messages[code] ?? messages.INVALID ?? { eng: code };
  const message = Object.fromEntries(Object.entries(texts).map(([l, text]) => [l, fill(text, l, params)]));
  return language === undefined ? { fieldId, rule, message } : { fieldId, language, rule, message };
}

/** A blank required field: "either this or <other> is enough" when another field would do instead. */
function requiredIssue(field: UiField, input: ValidationInput): FieldIssue {
  const others = input.alternatives ?? [];
  if (others.length === 0 || !input.messages.REQUIRED_ONE_OF) return issue(field.id, 'required', 'REQUIRED', input.messages);
  const other = Object.fromEntries(Object.keys(input.messages.REQUIRED_ONE_OF).map((l) => [l, others.map((o) => o[l] ?? o.eng ?? '').join(' / ')]));
  return issue(field.id, 'required', 'REQUIRED_ONE_OF', input.messages, undefined, { other });
}

function isBlank(value: FormFieldValue | undefined, languages: readonly string[]): boolean {
  if (!value) return true;
  switch (value.type) {
    case 'text': return value.value.trim() === '';
    case 'localized': return languages.every((l) => !(value.values[l] ?? '').trim());
    case 'code': return value.code === '';
    case 'flag': return !value.checked;
    case 'document': return false;
    case 'biometrics': return value.captured.length === 0 && value.exceptions.length === 0;
    default: return unreachable(value, 'field value');
  }
}

/** The strings a regex validator applies to, with their language when per-language. */
function textsToCheck(value: FormFieldValue | undefined, languages: readonly string[], v: UiValidator): { text: string; language?: string }[] {
  if (value?.type === 'text' && value.value !== '') return [{ text: value.value }];
  if (value?.type !== 'localized') return [];
  return languages
    .filter((l) => !v.langCode || v.langCode === l)
    .flatMap((l) => (value.values[l] ? [{ text: value.values[l], language: l }] : []));
}

function regexIssues(field: UiField, value: FormFieldValue | undefined, input: ValidationInput): FieldIssue[] {
  return (field.validators ?? [])
    .filter((v) => v.type.toLowerCase() === 'regex')
    .flatMap((v) => {
      // one that RE2 cannot compile counts as failing: a broken spec blocks the screen visibly
      const re = compileServerRegex(v.validator);
      return textsToCheck(value, input.languages, v)
        .filter(({ text }) => !re || !re.test(text))
        .map(({ language }) => issue(field.id, 'regex', v.errorCode ?? 'INVALID', input.messages, language));
    });
}

/** Date checks: a real date; for `ageDate` not in the future and not above the maximum age; for `date` within `minimum`/`maximum` days of today. */
function dateIssues(field: UiField, value: FormFieldValue | undefined, input: ValidationInput): FieldIssue[] {
  if (value?.type !== 'text' || value.value === '') return [];
  const date = parseMosipDate(value.value);
  if (!date) return [issue(field.id, 'dateFormat', 'DATE_INVALID', input.messages)];
  const offset = daysBetween(today(input.now), date);
  if (field.controlType === 'ageDate') {
    if (offset > 0) return [issue(field.id, 'dateInFuture', 'DATE_IN_FUTURE', input.messages)];
    const age = ageInYears(date, input.now) ?? 0;
    if (age > input.maxAge || ageGroupOf(age, input.ageGroups) === undefined) return [issue(field.id, 'ageAboveMax', 'AGE_ABOVE_MAX', input.messages, undefined, { maxAge: String(input.maxAge) })];
    return [];
  }
  const min = field.minimum ?? 0;
  const max = field.maximum ?? 0;
  // MOSIP samples write 0/0 for "no range"
  if ((min !== 0 || max !== 0) && (offset < min || offset > max)) return [issue(field.id, 'dateRange', 'DATE_OUT_OF_RANGE', input.messages)];
  return [];
}

/**
 * A required html field (the consent text) must have its template in every data-entry language:
 * the resident hears or reads it in each, so a language the server sent no text for blocks the
 * screen (`TEMPLATE_MISSING`, per language) rather than letting the operator claim it was read.
 */
function templateIssues(field: UiField, input: ValidationInput): FieldIssue[] {
  if (!input.required || !input.templates || !field.templateName) return [];
  const text = input.templates[field.templateName] ?? {};
  return input.languages.filter((l) => !(text[l] ?? '').trim()).map((l) => issue(field.id, 'required', 'TEMPLATE_MISSING', input.messages, l));
}

function biometricIssues(field: UiField, value: FormFieldValue | undefined, input: ValidationInput, ageGroup: string | null): FieldIssue[] {
  if (!input.required) return [];
  const captured = value?.type === 'biometrics' ? value.captured : [];
  const exceptions = value?.type === 'biometrics' ? value.exceptions : [];
  const requirement = bioRequirement(field, ageGroup, input.process);
  if (bioRequirementMet(requirement, captured, exceptions)) return [];
  return [{ ...issue(field.id, 'biometrics', 'BIOMETRICS_INCOMPLETE', input.messages), missing: bioMissing(requirement, captured, exceptions) }];
}

/**
 * Validates one visible field. Returns every failure (empty when valid): `required` alone when
 * the field is blank (per language when a localized value lacks some languages); then regex per language, date rules, biometric coverage.
 * `ageGroup` is the resident's current age group, for biometric fields.
 * @throws AppError ERR_REG_RULE_SYNTAX when a biometric `validationExpr` is outside the subset.
 */
export function validateField(field: UiField, value: FormFieldValue | undefined, input: ValidationInput, ageGroup: string | null = null): FieldIssue[] {
  if (field.controlType === 'biometrics') return biometricIssues(field, value, input, ageGroup);
  if (field.controlType === 'html') return templateIssues(field, input);
  if (isBlank(value, input.languages)) return input.required ? [requiredIssue(field, input)] : [];
  if (value?.type === 'localized') {
    // MOSIP captures a localized value in every data-entry language: one filled means all are needed
    const missing = input.languages.filter((l) => !(value.values[l] ?? '').trim());
    if (missing.length > 0) return missing.map((l) => issue(field.id, 'required', 'REQUIRED', input.messages, l));
  }
  if (field.controlType === 'date' || field.controlType === 'ageDate') {
    const dates = dateIssues(field, value, input);
    if (dates.length > 0) return dates;
  }
  return regexIssues(field, value, input);
}
