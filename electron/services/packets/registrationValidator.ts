import type { z } from 'zod';
import { AppError } from '../../../schemas/errors';
import { RegistrationInput, ridOfAdditionalInfoReqId, SUB_PROCESSES, type DemographicValue, type RegistrationIssue } from '../../../schemas/registration';
import { IdSchemaJson } from '../../../schemas/registrationIdSchema';
import { compileServerRegex } from '../../../schemas/rules/serverRegex';
import { planSchemaFields, type SchemaFieldPlan } from './idSchemaFields';
import { requiredFieldsFor } from './processRequiredFields';
import { validateRid } from './rid';

/**
 * Parses a synced ID schema.
 * @throws AppError ERR_PACKET_ID_SCHEMA_INVALID
 */
export function parseIdSchema(raw: unknown): IdSchemaJson {
  const parsed = IdSchemaJson.safeParse(raw);
  if (!parsed.success) throw new AppError('ERR_PACKET_ID_SCHEMA_INVALID', { reason: parsed.error.issues[0]?.message ?? 'not an ID schema' });
  return parsed.data;
}

/**
 * Parses the input model, then checks it against the ID schema: unknown fields, required
 * fields, value shapes (simpleType per language, string, number), regex validators, documents
 * and biometrics only in fields of that kind. Every problem names its field and rule.
 * @throws AppError ERR_PACKET_INPUT_INVALID with all issues
 */
export function validateRegistration(raw: unknown, schema: IdSchemaJson): RegistrationInput {
  const parsed = RegistrationInput.safeParse(raw);
  if (!parsed.success) throw inputInvalid(parsed.error.issues.map((i) => zodIssue(i)));
  assertRegistrationFits(parsed.data, schema);
  return parsed.data;
}

/**
 * The checks of `validateRegistration` after parsing: an already parsed registration against
 * the ID schema and the RID rules.
 * @throws AppError ERR_PACKET_INPUT_INVALID with all issues
 */
export function assertRegistrationFits(input: RegistrationInput, schema: IdSchemaJson): void {
  const issues = [...checkAgainstSchema(input, schema), ...ridIssues(input)];
  if (issues.length > 0) throw inputInvalid(issues);
}

/**
 * The RID's own rules; a sub-process packet must name its additional-info request and carries
 * that request's RID, which an other centre's machine may have allocated (no prefix check).
 */
function ridIssues(input: RegistrationInput): RegistrationIssue[] {
  const requestId = input.additionalInfoReqId;
  if (SUB_PROCESSES.includes(input.process) && requestId === null) {
    return [{ field: 'additionalInfoReqId', rule: 'required', message: `${input.process} answers an additional-info request: its id is required` }];
  }
  if (requestId !== null && input.rid !== undefined && input.rid !== ridOfAdditionalInfoReqId(requestId)) {
    return [{ field: 'rid', rule: 'additionalInfoReqIdMismatch', message: `RID ${input.rid} is not the RID of request ${requestId}` }];
  }
  if (!input.rid) return [];
  return requestId === null ? validateRid(input.rid, input) : validateRid(input.rid);
}

/** The catalogue error for a registration the packet engine refuses, led by its first issue. */
export function inputInvalid(issues: RegistrationIssue[]): AppError<'ERR_PACKET_INPUT_INVALID'> {
  const f = issues[0]!;
  return new AppError('ERR_PACKET_INPUT_INVALID', { issues, first: `${f.field}: ${f.rule}` });
}

/** A zod issue as a registration issue; `path` overrides the issue's own (a registration nested in a request). */
export function zodIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[] = issue.path): RegistrationIssue {
  return { field: path.map(String).join('.') || '(root)', rule: issue.code, message: issue.message };
}

/**
 * Schema checks only (the input already parsed); exported for `packet inspect`'s ID.json check.
 * Required fields are the process's (processRequiredFields.ts): a BIOMETRIC_CORRECTION or LOST
 * packet carries only what its screens collect, as regproc validates it.
 */
export function checkAgainstSchema(input: RegistrationInput, schema: IdSchemaJson): RegistrationIssue[] {
  const plans = new Map(planSchemaFields(schema).map((p) => [p.id, p]));
  const issues: RegistrationIssue[] = [];
  const add = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  const kinds: [Record<string, unknown>, SchemaFieldPlan['kind'], string][] = [
    [input.demographics, 'demographic', 'demographics'],
    [input.documents, 'document', 'documents'],
    [input.biometrics, 'biometric', 'biometrics'],
  ];
  for (const [values, kind, group] of kinds) {
    for (const id of Object.keys(values)) {
      const plan = plans.get(id);
      if (!plan) add(`${group}.${id}`, 'unknownField', `${id} is not in ID schema`);
      else if (plan.kind !== kind) add(`${group}.${id}`, 'fieldKind', `${id} is a ${plan.kind} field`);
    }
  }
  for (const id of requiredFieldsFor(input.process, schema)) {
    if (id === 'IDSchemaVersion') continue;
    const plan = plans.get(id);
    const present = plan?.kind === 'document' ? id in input.documents : plan?.kind === 'biometric' ? hasBiometrics(input, id) : input.demographics[id] !== undefined;
    if (!present) add(`${plan ? groupOf(plan.kind) : 'demographics'}.${id}`, 'required', `${id} is required`);
  }
  for (const [id, value] of Object.entries(input.demographics)) {
    const plan = plans.get(id);
    if (plan?.kind === 'demographic') checkValue(`demographics.${id}`, plan, value, input.langCodes, add);
  }
  return issues;
}

function hasBiometrics(input: RegistrationInput, id: string): boolean {
  const f = input.biometrics[id];
  return !!f && f.captures.length + f.exceptions.length > 0;
}

function groupOf(kind: SchemaFieldPlan['kind']): string {
  return kind === 'document' ? 'documents' : kind === 'biometric' ? 'biometrics' : 'demographics';
}

type Add = (field: string, rule: string, message: string) => void;

function checkValue(path: string, plan: SchemaFieldPlan, value: DemographicValue, langs: readonly string[], add: Add): void {
  const ref = plan.field.$ref;
  const type = typeof plan.field.type === 'string' ? plan.field.type : undefined;
  if (ref === '#/definitions/simpleType') {
    if (!Array.isArray(value)) return add(path, 'simpleType', `${plan.id} needs one value per language`);
    for (const lang of langs) {
      if (!value.some((v) => v.language === lang)) add(`${path}.${lang}`, 'language', `${plan.id} has no ${lang} value`);
    }
    if (new Set(value.map((v) => v.language)).size !== value.length) add(path, 'uniqueItems', `${plan.id} repeats a language`);
    value.forEach((v) => checkValidators(`${path}.${v.language}`, plan, v.value, add));
    return;
  }
  if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number') add(path, 'type', `${plan.id} must be a number`);
    return;
  }
  if (typeof value !== 'string') return add(path, 'type', `${plan.id} must be a string`);
  checkValidators(path, plan, value, add);
}

function checkValidators(path: string, plan: SchemaFieldPlan, value: string, add: Add): void {
  for (const v of plan.field.validators ?? []) {
    if (v.type !== 'regex') continue;
    // Syntax RE2 cannot run: the server will judge it; we cannot, so we do not block the operator.
    const re = compileServerRegex(v.validator);
    if (re && !re.test(value)) add(path, 'regex', `${plan.id} does not match ${v.validator}`);
  }
}
