import type { FieldIssue, FormValues, RegistrationDraft } from '../../../../../../schemas/registrationForm';
import { ageGroupOf } from '../../../../../../schemas/rules/ageGroups';
import { ageFromValues } from '../../../../../../schemas/rules/buildMvelContext';
import type { RegistrationProcess } from '../../../../../../schemas/registration';
import type { UiField, UiScreen } from '../../../../../../schemas/uiSpec';
import type { FormState } from '../../initialState';
import { allFields, fieldIssues, isScreenShown } from './deriveFormRules';

const NO_ISSUES: readonly FieldIssue[] = [];
const NO_SCREENS: readonly UiScreen[] = [];

function currentScreen(s: FormState): UiScreen | null {
  return s.spec?.screens[s.screenIndex] ?? null;
}

function age(s: FormState): number | null {
  return ageFromValues(s.values, new Date(s.now)) ?? null;
}

/** Failures of the current screen's visible fields, computed fresh (not only the touched ones). */
function screenIssues(s: FormState): FieldIssue[] {
  const screen = currentScreen(s);
  return screen ? screen.fields.flatMap((f) => fieldIssues(s, f)) : [];
}

/** Selectors of the form slice; parameterised ones are curried: `formSelectors.value(id)(state)`. */
export const formSelectors = {
  status: (s: FormState) => s.status,
  process: (s: FormState) => s.process,
  languages: (s: FormState) => s.languages,
  selectedGroups: (s: FormState) => s.selectedGroups,
  additionalInfoReqId: (s: FormState) => s.additionalInfoReqId,
  ruleError: (s: FormState) => s.ruleError,
  screenIndex: (s: FormState) => s.screenIndex,
  /** the furthest screen passed: the step indicator links screens up to it */
  reachedScreenIndex: (s: FormState) => s.reachedScreenIndex,
  draftId: (s: FormState) => s.draftId,
  currentScreen,
  /** the screens the operator will go through, with their index in the spec */
  shownScreens: (s: FormState): { index: number; screen: UiScreen }[] =>
    (s.spec?.screens ?? []).map((screen, index) => ({ index, screen })).filter(({ screen }) => isScreenShown(s, screen)),
  /** every screen of the spec (a stable reference), for views that pair it with `shownScreenIndexes` */
  screens: (s: FormState): readonly UiScreen[] => s.spec?.screens ?? NO_SCREENS,
  /** indexes of the screens the operator goes through (numbers: stable under `useShallow`) */
  shownScreenIndexes: (s: FormState): number[] =>
    (s.spec?.screens ?? []).flatMap((screen, index) => (isScreenShown(s, screen) ? [index] : [])),
  /** the current screen's fields that are shown, in spec order */
  visibleFields: (s: FormState): UiField[] => currentScreen(s)?.fields.filter((f) => s.visible[f.id]) ?? [],
  value: (fieldId: string) => (s: FormState) => s.values[fieldId],
  /** a field of the spec by id, on any screen */
  field: (fieldId: string) => (s: FormState): UiField | undefined => allFields(s).find((f) => f.id === fieldId),
  isVisible: (fieldId: string) => (s: FormState) => s.visible[fieldId] ?? false,
  isRequired: (fieldId: string) => (s: FormState) => s.required[fieldId] ?? false,
  /** what the UI shows under a field: issues of touched fields only */
  issuesFor: (fieldId: string) => (s: FormState): readonly FieldIssue[] => s.issues[fieldId] ?? NO_ISSUES,
  screenIssues,
  canGoNext: (s: FormState) => s.status === 'editing' && s.ruleError === null && screenIssues(s).length === 0,
  canGoBack: (s: FormState) => (s.spec?.screens ?? []).slice(0, s.screenIndex).some((screen) => isScreenShown(s, screen)),
  isLastScreen: (s: FormState) => !(s.spec?.screens ?? []).slice(s.screenIndex + 1).some((screen) => isScreenShown(s, screen)),
  age,
  ageGroup: (s: FormState): string | null => { const a = age(s); return a === null || !s.config ? null : (ageGroupOf(a, s.config.ageGroups) ?? null); },
  /** UPDATE: the groups a resident can pick, in spec order, with their labels */
  selectableGroups: (s: FormState): { group: string; label: Readonly<Record<string, string>> }[] => {
    const seen = new Map<string, Readonly<Record<string, string>>>();
    for (const f of allFields(s)) if (f.group && f.groupLabel && !seen.has(f.group)) seen.set(f.group, f.groupLabel);
    return [...seen].map(([group, label]) => ({ group, label }));
  },
  /** the values that go into the packet: visible fields only (a hidden field's value is kept in the draft but not sent) */
  submittableValues: (s: FormState): FormValues => Object.fromEntries(Object.entries(s.values).filter(([id]) => s.visible[id])),
  /** the autosave snapshot: plain data, `RegistrationDraft`-shaped; null before a form starts */
  draftSnapshot: (savedAt: number) => (s: FormState): RegistrationDraft | null =>
    s.status !== 'editing' || !s.draftId || !s.process ? null : {
      version: 1, draftId: s.draftId, process: s.process as RegistrationProcess, languages: [...s.languages], selectedGroups: [...s.selectedGroups],
      values: s.values, screenIndex: s.screenIndex, reachedScreenIndex: s.reachedScreenIndex, savedAt,
      ...(s.additionalInfoReqId.trim() === '' ? {} : { additionalInfoReqId: s.additionalInfoReqId.trim() }),
    },
};
