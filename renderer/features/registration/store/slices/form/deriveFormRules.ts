import { isAppError, serializeError } from '../../../../../../schemas/errors';
import type { FieldIssue } from '../../../../../../schemas/registrationForm';
import { ageGroupOf } from '../../../../../../schemas/rules/ageGroups';
import { ageFromValues, buildMvelContext } from '../../../../../../schemas/rules/buildMvelContext';
import { crvsIssues } from '../../../../../../schemas/rules/crvsRules';
import { isFieldRequired, isFieldVisible, requiredAlternatives } from '../../../../../../schemas/rules/fieldRules';
import type { MvelContext } from '../../../../../../schemas/rules/mvelEvaluator';
import { validateField } from '../../../../../../schemas/rules/validateField';
import type { UiField, UiScreen } from '../../../../../../schemas/uiSpec';
import type { FormState } from '../../initialState';

/** All fields of the spec, in screen order. */
export function allFields(state: FormState): UiField[] {
  return state.spec?.screens.flatMap((s) => s.fields) ?? [];
}

/** UPDATE: the fields of the groups the resident chose (MOSIP `updatableFields`). */
export function updatableFields(state: FormState): string[] {
  return allFields(state).filter((f) => f.group && state.selectedGroups.includes(f.group)).map((f) => f.id);
}

/** The MVEL context for the current values. */
export function formContext(state: FormState): MvelContext {
  if (!state.spec || !state.config || !state.process) return { identity: {} };
  return buildMvelContext({
    values: state.values, process: state.process, flow: state.spec.flow, languages: state.languages, selectedGroups: state.selectedGroups,
    updatableFields: updatableFields(state), ageGroups: state.config.ageGroups, now: new Date(state.now),
  });
}

/** Re-runs `visible`/`requiredOn` for every field; a rule we cannot parse blocks the form with its error. */
export function recomputeRules(state: FormState): FormState {
  const context = formContext(state);
  const visible: Record<string, boolean> = {};
  const required: Record<string, boolean> = {};
  try {
    for (const f of allFields(state)) {
      visible[f.id] = isFieldVisible(f, context);
      required[f.id] = isFieldRequired(f, context);
    }
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ...state, ruleError: serializeError(err) };
  }
  return { ...state, visible, required, ruleError: null };
}

/** Validation failures of one field under the current rules (none when hidden). */
export function fieldIssues(state: FormState, field: UiField): FieldIssue[] {
  if (!state.config || !state.process || !state.visible[field.id]) return [];
  const age = ageFromValues(state.values, new Date(state.now));
  const group = age === undefined ? null : (ageGroupOf(age, state.config.ageGroups) ?? null);
  const own = validateField(field, state.values[field.id], {
    required: state.required[field.id] ?? false, languages: state.languages, messages: state.config.messages,
    ageGroups: state.config.ageGroups, maxAge: state.config.maxAge, process: state.process, now: new Date(state.now), templates: state.config.templates,
    alternatives: requiredAlternatives(field, allFields(state)).filter((f) => state.visible[f.id]).map((f) => f.label),
  }, group);
  // the CRVS processes' own checks (check digits, birth before registration), as the back end runs them
  return own.length > 0 ? own : crvsIssues(state.process, state.values, state.config.messages).filter((i) => i.fieldId === field.id);
}

/** Whether a screen is shown: active, and with at least one visible field (the 1.2 client skips empty screens). */
export function isScreenShown(state: FormState, screen: UiScreen): boolean {
  return screen.active !== false && screen.fields.some((f) => state.visible[f.id]);
}

/** Re-validates the touched fields, so messages follow the operator's edits. */
export function revalidateTouched(state: FormState): FormState {
  const issues: Record<string, readonly FieldIssue[]> = {};
  for (const f of allFields(state)) {
    if (!state.touched[f.id]) continue;
    const found = fieldIssues(state, f);
    if (found.length > 0) issues[f.id] = found;
  }
  return { ...state, issues };
}
