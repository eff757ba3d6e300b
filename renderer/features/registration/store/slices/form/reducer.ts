import type { RegistrationProcess } from '../../../../../../schemas/registration';
import type { FieldIssue, FormFieldValue, RegistrationDraft } from '../../../../../../schemas/registrationForm';
import type { ProcessSpec } from '../../../../../../schemas/uiSpec';
import { normaliseFieldText } from '../../../../../../schemas/rules/normaliseInput';
import { initialFormState, type FormConfig, type FormState } from '../../initialState';
import { isScreenShown, recomputeRules, revalidateTouched } from './deriveFormRules';

/** Every change to a form. `now` is the injected clock's reading in ms (ages depend on it). */
export type FormAction =
  | { readonly type: 'start'; readonly spec: ProcessSpec; readonly config: FormConfig; readonly draftId: string; readonly languages: readonly string[]; readonly now: number }
  | { readonly type: 'resume'; readonly spec: ProcessSpec; readonly config: FormConfig; readonly draft: RegistrationDraft; readonly now: number }
  | { readonly type: 'setValue'; readonly fieldId: string; readonly value: FormFieldValue | null; readonly now: number }
  | { readonly type: 'setLocalizedText'; readonly fieldId: string; readonly language: string; readonly text: string; readonly now: number }
  | { readonly type: 'selectGroups'; readonly groups: readonly string[]; readonly now: number }
  | { readonly type: 'setAdditionalInfoReqId'; readonly text: string }
  | { readonly type: 'next'; readonly now: number }
  | { readonly type: 'back' }
  | { readonly type: 'goToScreen'; readonly index: number }
  | { readonly type: 'reset' };

/** Typed builders, so callers and tests never spell action objects by hand. */
export const formActions = {
  start: (spec: ProcessSpec, config: FormConfig, draftId: string, languages: readonly string[], now: number): FormAction => ({ type: 'start', spec, config, draftId, languages, now }),
  resume: (spec: ProcessSpec, config: FormConfig, draft: RegistrationDraft, now: number): FormAction => ({ type: 'resume', spec, config, draft, now }),
  setValue: (fieldId: string, value: FormFieldValue | null, now: number): FormAction => ({ type: 'setValue', fieldId, value, now }),
  setLocalizedText: (fieldId: string, language: string, text: string, now: number): FormAction => ({ type: 'setLocalizedText', fieldId, language, text, now }),
  selectGroups: (groups: readonly string[], now: number): FormAction => ({ type: 'selectGroups', groups, now }),
  setAdditionalInfoReqId: (text: string): FormAction => ({ type: 'setAdditionalInfoReqId', text }),
  next: (now: number): FormAction => ({ type: 'next', now }),
  back: (): FormAction => ({ type: 'back' }),
  goToScreen: (index: number): FormAction => ({ type: 'goToScreen', index }),
  reset: (): FormAction => ({ type: 'reset' }),
};

/** Index of the next shown screen after `from` in direction `step`, or `from` when there is none. */
export function shownScreenFrom(state: FormState, from: number, step: 1 | -1): number {
  const screens = state.spec?.screens ?? [];
  for (let i = from + step; i >= 0 && i < screens.length; i += step) {
    if (isScreenShown(state, screens[i]!)) return i;
  }
  return from;
}

function sortedSpec(spec: ProcessSpec): ProcessSpec {
  return { ...spec, screens: [...spec.screens].sort((a, b) => a.order - b.order) };
}

function afterChange(state: FormState, fieldId: string | null, now: number): FormState {
  const touched = fieldId ? { ...state.touched, [fieldId]: true as const } : state.touched;
  return revalidateTouched(recomputeRules({ ...state, touched, now }));
}

function started(state: FormState): FormState {
  const ruled = recomputeRules(state);
  // land on the first shown screen (screen 0 may be inactive)
  const first = ruled.spec && !isScreenShown(ruled, ruled.spec.screens[0]!) ? shownScreenFrom(ruled, 0, 1) : ruled.screenIndex;
  return { ...ruled, screenIndex: Math.max(first, ruled.screenIndex), reachedScreenIndex: Math.max(first, ruled.reachedScreenIndex) };
}

/** Typed text as stored (a phone's spaces and dots dropped): the input then shows the stored form. */
function normalised(state: FormState, fieldId: string, value: FormFieldValue): FormFieldValue {
  if (value.type !== 'text') return value;
  const field = state.spec?.screens.flatMap((s) => s.fields).find((f) => f.id === fieldId);
  return field ? { ...value, value: normaliseFieldText(field, value.value) } : value;
}

function setValue(state: FormState, fieldId: string, value: FormFieldValue | null, now: number): FormState {
  const values = { ...state.values };
  if (value === null) delete values[fieldId];
  else values[fieldId] = normalised(state, fieldId, value);
  return afterChange({ ...state, values }, fieldId, now);
}

function setLocalizedText(state: FormState, fieldId: string, language: string, text: string, now: number): FormState {
  const previous = state.values[fieldId];
  const values = previous?.type === 'localized' ? previous.values : {};
  return setValue(state, fieldId, { type: 'localized', values: { ...values, [language]: text } }, now);
}

/** The draft key of the additional-info request id (validateDraft's ADDITIONAL_INFO_FIELD). */
export const ADDITIONAL_INFO_FIELD = 'additionalInfoReqId';

/**
 * Java client GenericController.isAdditionalInfoRequestIdProvided: the screen that shows the box
 * cannot be left (forward) while it is blank.
 */
function missingAdditionalInfoReqId(state: FormState, required: boolean): FieldIssue[] {
  if (!required || state.additionalInfoReqId.trim() !== '') return [];
  const messages = state.config?.messages ?? {};
  const message = messages['ADDITIONAL_INFO_REQ_ID_MISSING'] ?? messages['REQUIRED'] ?? { eng: 'additional info request id is required' };
  return [{ fieldId: ADDITIONAL_INFO_FIELD, rule: 'required', message: { ...message } }];
}

/** "Next": validates every field of the current screen; moves on only when none fails. */
function next(state: FormState, now: number): FormState {
  const current = revalidateTouched(recomputeRules({ ...state, now }));
  const screen = current.spec?.screens[current.screenIndex];
  if (!screen || current.ruleError) return current;
  const touched = { ...current.touched, ...Object.fromEntries(screen.fields.map((f) => [f.id, true as const])) };
  const checked = revalidateTouched({ ...current, touched });
  const failing = screen.fields.some((f) => (checked.issues[f.id] ?? []).length > 0);
  const requestIdIssues = missingAdditionalInfoReqId(checked, screen.additionalInfoRequestIdRequired === true);
  if (requestIdIssues.length > 0) return { ...checked, issues: { ...checked.issues, [ADDITIONAL_INFO_FIELD]: requestIdIssues } };
  if (failing) return checked;
  const target = shownScreenFrom(checked, checked.screenIndex, 1);
  return { ...checked, screenIndex: target, reachedScreenIndex: Math.max(checked.reachedScreenIndex, target) };
}

/**
 * The pure form reducer: values per field (and per language), the current screen, the rules
 * re-run on every change, and per-screen validation gating "next".
 */
export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'start':
      return started({ ...initialFormState(), status: 'editing', spec: sortedSpec(action.spec), config: action.config, draftId: action.draftId, process: action.spec.id, languages: [...action.languages], selectedGroups: action.spec.autoSelectedGroups?.filter(Boolean) ?? [], now: action.now });
    case 'resume': {
      const d = action.draft;
      const last = action.spec.screens.length - 1;
      const screenIndex = Math.min(d.screenIndex, last);
      return started({ ...initialFormState(), status: 'editing', spec: sortedSpec(action.spec), config: action.config, draftId: d.draftId, process: d.process, languages: d.languages, selectedGroups: d.selectedGroups, values: d.values, additionalInfoReqId: d.additionalInfoReqId ?? '', screenIndex, reachedScreenIndex: Math.max(screenIndex, Math.min(d.reachedScreenIndex, last)), now: action.now });
    }
    case 'setValue': return setValue(state, action.fieldId, action.value, action.now);
    case 'setLocalizedText': return setLocalizedText(state, action.fieldId, action.language, action.text, action.now);
    case 'selectGroups': return afterChange({ ...state, selectedGroups: [...new Set(action.groups)] }, null, action.now);
    case 'setAdditionalInfoReqId': {
      const issues = { ...state.issues };
      delete issues[ADDITIONAL_INFO_FIELD];
      return { ...state, additionalInfoReqId: action.text, issues };
    }
    case 'next': return next(state, action.now);
    case 'back': return { ...state, screenIndex: shownScreenFrom(state, state.screenIndex, -1) };
    case 'goToScreen':
      // the operator may revisit any screen already passed, never skip ahead of validation
      return action.index >= 0 && action.index <= state.reachedScreenIndex && state.spec?.screens[action.index] && isScreenShown(state, state.spec.screens[action.index]!)
        ? { ...state, screenIndex: action.index } : state;
    case 'reset': return initialFormState();
    default: { const never: never = action; throw new Error(`unknown form action ${String(never)}`); }
  }
}

/** For callers that only have a process id (a draft of a process whose spec is gone cannot resume). */
export function specFor(specs: readonly ProcessSpec[], process: RegistrationProcess): ProcessSpec | undefined {
  return specs.find((s) => s.id === process);
}

