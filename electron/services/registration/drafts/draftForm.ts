import type { RegistrationDraft } from '../../../../schemas/registrationForm';
import { ageGroupOf } from '../../../../schemas/rules/ageGroups';
import { ageFromValues, buildMvelContext } from '../../../../schemas/rules/buildMvelContext';
import { isFieldRequired, isFieldVisible } from '../../../../schemas/rules/fieldRules';
import type { LocalizedText, ProcessSpec, RegistrationFormBundle, UiField } from '../../../../schemas/uiSpec';

/** One spec field as the rules see it for this draft now. */
export interface FieldState {
  readonly field: UiField;
  readonly visible: boolean;
  readonly required: boolean;
}

/** The draft under its spec: fields with their rules evaluated, the resident's age group. */
export interface DraftForm {
  readonly draft: RegistrationDraft;
  readonly spec: ProcessSpec;
  readonly bundle: RegistrationFormBundle;
  readonly fields: readonly FieldState[];
  readonly ageGroup: string | null;
  readonly now: Date;
}

/**
 * Evaluates `visible`/`requiredOn` for every field, exactly as the page does
 * (renderer …/form/deriveFormRules.ts): same context, same shared rule code.
 * @throws AppError ERR_REG_RULE_SYNTAX, ERR_REG_RULE_EVALUATION
 */
export function draftForm(draft: RegistrationDraft, spec: ProcessSpec, bundle: RegistrationFormBundle, now: Date): DraftForm {
  const all = spec.screens.flatMap((s) => s.fields);
  const context = buildMvelContext({
    values: draft.values, process: draft.process, flow: spec.flow, languages: draft.languages, selectedGroups: draft.selectedGroups,
    updatableFields: all.filter((f) => f.group && draft.selectedGroups.includes(f.group)).map((f) => f.id),
    ageGroups: bundle.ageGroups, now,
  });
  const age = ageFromValues(draft.values, now);
  return {
    draft, spec, bundle, now,
    ageGroup: age === undefined ? null : (ageGroupOf(age, bundle.ageGroups) ?? null),
    fields: all.map((field) => ({ field, visible: isFieldVisible(field, context), required: isFieldRequired(field, context) })),
  };
}

/**
 * A dropdown code as MOSIP's 1.2 client sends a `simpleType` choice: the master-data name in
 * each language (a location by code, else the dynamic field named by `subType` or the field id).
 */
export function resolveCode(form: DraftForm, field: UiField, code: string): LocalizedText {
  const { masterData } = form.bundle;
  const dynamic = masterData.dynamicFields[field.subType ?? ''] ?? masterData.dynamicFields[field.id];
  const found = dynamic?.find((v) => v.code === code)?.value ?? masterData.locations.find((l) => l.code === code)?.name;
  return Object.fromEntries(form.draft.languages.map((l) => [l, found?.[l] ?? code]));
}
