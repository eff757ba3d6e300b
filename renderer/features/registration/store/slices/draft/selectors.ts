import type { DraftSummary } from '../../../../../../schemas/api/registrationApi';
import type { RegistrationProcess } from '../../../../../../schemas/registration';
import type { ProcessSpec } from '../../../../../../schemas/uiSpec';
import type { RegistrationState } from '../../initialState';
import { allFields } from '../form/deriveFormRules';
import { fieldOptions, type FieldOption } from './fieldOptions';

const PROCESS_ORDER: readonly RegistrationProcess[] = ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION'];

/** Selectors of the draft slice (view, bundle, drafts list, autosave). */
export const draftSelectors = {
  view: (s: RegistrationState) => s.draft.view,
  isOpen: (s: RegistrationState) => s.draft.view !== 'closed',
  bundleStatus: (s: RegistrationState) => s.draft.bundleStatus,
  busy: (s: RegistrationState) => s.draft.busy,
  error: (s: RegistrationState) => s.draft.error,
  lastSavedAt: (s: RegistrationState) => s.draft.lastSavedAt,
  drafts: (s: RegistrationState): readonly DraftSummary[] => s.draft.drafts,
  blockedIssues: (s: RegistrationState) => s.draft.blockedIssues,
  missingExceptionPhotos: (s: RegistrationState) => s.draft.missingExceptionPhotos,
  /** the PRID box: typed/scanned text, fetch status, what it filled, its error */
  preRegistration: (s: RegistrationState) => s.draft.preRegistration,
  /** the active processes the picker offers, in MOSIP's order */
  processes: (s: RegistrationState): ProcessSpec[] =>
    (s.draft.bundle?.processes ?? []).filter((p) => p.isActive).sort((a, b) => PROCESS_ORDER.indexOf(a.id) - PROCESS_ORDER.indexOf(b.id)),
  masterData: (s: RegistrationState) => s.draft.bundle?.masterData ?? null,
  /** dropdown / button choices for a field, following the location chosen one level up */
  options: (fieldId: string) => (s: RegistrationState): readonly FieldOption[] => {
    const fields = allFields(s.form);
    const field = fields.find((f) => f.id === fieldId);
    return field ? fieldOptions(field, fields, s.form.values, s.draft.bundle?.masterData ?? null) : [];
  },
};
