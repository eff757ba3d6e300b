import type { FormFieldValue } from '../../../../../../schemas/registrationForm';
import { dateOfBirthFromAge } from '../../../../../../schemas/rules/ageGroups';
import type { SliceContext } from '../../store';
import { biometricsSelectors } from '../biometrics/selectors';
import { formActions, formReducer, type FormAction } from './reducer';
import { fieldOptions } from '../draft/fieldOptions';
import { allFields } from './deriveFormRules';
import { formSelectors } from './selectors';

export interface FormActions {
  setValue(fieldId: string, value: FormFieldValue | null): void;
  setLocalizedText(fieldId: string, language: string, text: string): void;
  /** "age in years" instead of a date of birth: today's day and month, that many years ago (as MOSIP's ageDate) */
  setAge(fieldId: string, years: number | null): void;
  /** UPDATE: the field groups the resident asks to change (MOSIP `updatableFieldGroups`) */
  selectGroups(groups: readonly string[]): void;
  /** BIOMETRIC_CORRECTION: the additional-info request id box */
  setAdditionalInfoReqId(text: string): void;
  /** validates the screen; moves on (or to the preview after the last screen) and autosaves */
  next(): Promise<void>;
  back(): Promise<void>;
  goTo(screenIndex: number): Promise<void>;
}

/** Form edits go through the pure reducer; every screen change autosaves the draft. */
export function createFormActions({ set, get, now }: SliceContext): FormActions {
  const dispatch = (action: FormAction) => set((s) => ({ form: formReducer(s.form, action) }));
  /** an edit: the "fix these first" list, once shown, follows the fixes instead of going stale */
  const edit = (action: FormAction) =>
    set((s) => {
      const form = formReducer(s.form, action);
      return s.draft.blockedIssues.length === 0 ? { form } : { form, draft: { ...s.draft, blockedIssues: formSelectors.screenIssues(form) } };
    });
  /** a location chosen under another parent is cleared, as the 1.2 client does when a level above changes */
  const clearStaleLocations = () => {
    for (let level = 0; level < 8; level++) {
      const { form, draft } = get();
      const fields = allFields(form);
      const stale = fields.find((f) => {
        const value = form.values[f.id];
        return f.locationHierarchy && value?.type === 'code' && !fieldOptions(f, fields, form.values, draft.bundle?.masterData ?? null).some((o) => o.code === value.code);
      });
      if (!stale) return;
      edit(formActions.setValue(stale.id, null, now()));
    }
  };
  const moved = async (before: number) => {
    if (get().form.screenIndex !== before) {
      set((s) => ({ draft: { ...s.draft, blockedIssues: [], missingExceptionPhotos: [] } }));
      await get().save();
    }
  };
  return {
    setValue(fieldId, value) {
      edit(formActions.setValue(fieldId, value, now()));
      clearStaleLocations();
    },
    selectGroups: (groups) => edit(formActions.selectGroups(groups, now())),
    setAdditionalInfoReqId: (text) => dispatch(formActions.setAdditionalInfoReqId(text)),
    setLocalizedText: (fieldId, language, text) => edit(formActions.setLocalizedText(fieldId, language, text, now())),
    setAge(fieldId, years) {
      const value = years === null ? null : { type: 'text' as const, value: dateOfBirthFromAge(years, new Date(now())) };
      edit(formActions.setValue(fieldId, value, now()));
    },
    async next() {
      const state = get();
      const before = state.form.screenIndex;
      const missing = biometricsSelectors.missingExceptionPhotosOnScreen(state);
      const wasLast = formSelectors.isLastScreen(state.form);
      dispatch(formActions.next(now()));
      const stayed = get().form.screenIndex === before;
      const issues = stayed ? formSelectors.screenIssues(get().form) : [];
      if ((stayed && !wasLast) || issues.length > 0 || missing.length > 0) {
        // the reducer knows nothing of exception photos: undo its move when one is missing
        if (!stayed) dispatch(formActions.goToScreen(before));
        set((s) => ({ draft: { ...s.draft, blockedIssues: issues, missingExceptionPhotos: missing } }));
        return;
      }
      if (wasLast) {
        set((s) => ({ draft: { ...s.draft, blockedIssues: [], missingExceptionPhotos: [] } }));
        await get().openPreview();
        return;
      }
      await moved(before);
    },
    async back() {
      if (get().draft.view === 'preview') {
        set((s) => ({ draft: { ...s.draft, view: 'form' } }));
        return;
      }
      const before = get().form.screenIndex;
      dispatch(formActions.back());
      await moved(before);
    },
    async goTo(screenIndex) {
      const before = get().form.screenIndex;
      set((s) => ({ draft: { ...s.draft, view: 'form' } }));
      dispatch(formActions.goToScreen(screenIndex));
      await moved(before);
    },
  };
}
