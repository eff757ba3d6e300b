import type { RegistrationInput, RegistrationIssue } from '../../../../schemas/registration';
import type { IdSchemaJson } from '../../../../schemas/registrationIdSchema';
import type { FieldIssue, FieldRule } from '../../../../schemas/registrationForm';
import { MAX_AGE } from '../../../../schemas/rules/ageGroups';
import { crvsIssues } from '../../../../schemas/rules/crvsRules';
import { requiredAlternatives } from '../../../../schemas/rules/fieldRules';
import { validateField } from '../../../../schemas/rules/validateField';
import { checkAgainstSchema } from '../../packets/registrationValidator';
import type { DraftForm } from './draftForm';


/**
 * Spec rules of every visible field, as the page runs them: required (with `requiredOn`), regex
 * per language, dates, biometric coverage for the age group; plus the exception photo a field
 * with `exceptionPhotoRequired` needs once any exception is marked.
 * @throws AppError ERR_REG_RULE_SYNTAX for a rule outside the supported subset
 */
export function specIssues(form: DraftForm, hasExceptionPhoto: (fieldId: string) => boolean): FieldIssue[] {
  const { draft, bundle } = form;
  const input = { languages: draft.languages, messages: bundle.messages, ageGroups: bundle.ageGroups, maxAge: MAX_AGE, process: draft.process, now: form.now, templates: bundle.masterData.templates };
  return form.fields.flatMap(({ field, visible, required }) => {
    if (!visible) return [];
    const value = draft.values[field.id];
    const alternatives = requiredAlternatives(field, form.fields.map((f) => f.field)).filter((f) => form.fields.some((s) => s.field.id === f.id && s.visible)).map((f) => f.label);
    const issues = validateField(field, value, { ...input, required, alternatives }, form.ageGroup);
    const needsPhoto = field.controlType === 'biometrics' && field.exceptionPhotoRequired === true && value?.type === 'biometrics' && value.exceptions.length > 0;
    if (needsPhoto && !hasExceptionPhoto(field.id)) {
      issues.push({ fieldId: field.id, rule: 'biometrics', message: { ...(bundle.messages['EXCEPTION_PHOTO_REQUIRED'] ?? bundle.messages['BIOMETRICS_INCOMPLETE'] ?? { eng: 'exception photo required' }) } });
    }
    return issues;
  }).concat(additionalInfoIssues(form), crvsIssues(draft.process, visibleValues(form), bundle.messages));
}

/** The values of the visible fields only: a hidden field's leftover value is not judged. */
function visibleValues(form: DraftForm): DraftForm['draft']['values'] {
  return Object.fromEntries(form.fields.filter((f) => f.visible && form.draft.values[f.field.id] !== undefined).map((f) => [f.field.id, form.draft.values[f.field.id]!]));
}

/** The draft field that holds the additional-info request id (it is no spec field). */
export const ADDITIONAL_INFO_FIELD = 'additionalInfoReqId';

/**
 * A spec screen with `additionalInfoRequestIdRequired` needs the request id typed (Java client
 * GenericController.isAdditionalInfoRequestIdProvided); its shape is checked with the input.
 */
function additionalInfoIssues(form: DraftForm): FieldIssue[] {
  const required = form.spec.screens.some((s) => s.additionalInfoRequestIdRequired === true);
  if (!required || (form.draft.additionalInfoReqId ?? '').trim() !== '') return [];
  const message = form.bundle.messages['ADDITIONAL_INFO_REQ_ID_MISSING'] ?? form.bundle.messages['REQUIRED'] ?? { eng: 'additional info request id is required' };
  return [{ fieldId: ADDITIONAL_INFO_FIELD, rule: 'required', message: { ...message } }];
}

const SCHEMA_RULE: Readonly<Record<string, FieldRule>> = { regex: 'regex', required: 'required', language: 'required' };

/**
 * The ID schema's own checks (what the packet engine and the server will enforce) as field
 * issues, for fields the spec rules did not already flag: a spec that is laxer than its schema
 * must not let a registration through to fail at build time.
 */
export function schemaIssues(input: RegistrationInput, schema: IdSchemaJson, already: readonly FieldIssue[], messages: DraftForm['bundle']['messages']): FieldIssue[] {
  const flagged = new Set(already.map((i) => i.fieldId));
  return checkAgainstSchema(input, schema).flatMap((issue: RegistrationIssue) => {
    const [, fieldId = issue.field, language] = issue.field.split('.');
    if (flagged.has(fieldId)) return [];
    const rule = SCHEMA_RULE[issue.rule] ?? 'required';
    const message = { ...(messages[rule === 'regex' ? 'INVALID' : 'REQUIRED'] ?? { eng: issue.message }) };
    return [language && /^[a-z]{3}$/.test(language) ? { fieldId, language, rule, message } : { fieldId, rule, message }];
  });
}
