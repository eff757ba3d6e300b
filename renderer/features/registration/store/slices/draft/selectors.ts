import type { DraftSummary } from '../../../../../../schemas/api/registrationApi';
import type { RegistrationProcess } from '../../../../../../schemas/registration';
import { applicantTypeOf, documentTypeName, documentTypesFor } from '../../../../../../schemas/rules/documentTypes';
import type { DocumentTypeOption, LocalizedText, ProcessSpec } from '../../../../../../schemas/uiSpec';
import type { RegistrationState } from '../../initialState';
import { allFields } from '../form/deriveFormRules';
import { formSelectors } from '../form/selectors';
import { fieldOptions, type FieldOption } from './fieldOptions';

const PROCESS_ORDER: readonly RegistrationProcess[] = ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH'];

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
  birthRecord: (s: RegistrationState) => s.draft.birthRecord,
  registryAvailable: (s: RegistrationState) => s.draft.registryAvailable,
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
  /** the synced document types a fileupload field offers, for the resident's applicant type (use with useShallow) */
  documentTypes: (fieldId: string) => (s: RegistrationState): readonly DocumentTypeOption[] => {
    const field = allFields(s.form).find((f) => f.id === fieldId);
    return documentTypesFor(s.draft.bundle?.masterData ?? null, field?.subType, applicantTypeOf(s.form.values, formSelectors.ageGroup(s.form)));
  },
  /** a document type's name per language (undefined for a code the master data does not know) */
  documentTypeName: (code: string) => (s: RegistrationState): LocalizedText | undefined => documentTypeName(s.draft.bundle?.masterData ?? null, code),
  /** an html field's template text per language (empty when the server has none) */
  templateText: (templateName: string | null | undefined) => (s: RegistrationState): LocalizedText | undefined =>
    s.draft.bundle?.masterData.templates[templateName ?? ''],
};
