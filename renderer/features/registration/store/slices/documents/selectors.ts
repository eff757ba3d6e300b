import type { DocumentTypeOption, LocalizedText } from '../../../../../../schemas/uiSpec';
import type { RegistrationState } from '../../initialState';
import { draftSelectors } from '../draft/selectors';

/** Selectors of the documents slice; curried by field id. */
export const documentsSelectors = {
  status: (fieldId: string) => (s: RegistrationState) => s.documents[fieldId]?.status ?? 'idle',
  error: (fieldId: string) => (s: RegistrationState) => s.documents[fieldId]?.error ?? null,
  /** the stored document's reference as the form holds it */
  attached: (fieldId: string) => (s: RegistrationState) => {
    const value = s.form.values[fieldId];
    return value?.type === 'document' ? value : null;
  },
  /** The types the dropdown offers (see `withAttachedType`); a new array per call, so a component memoizes it. */
  typeOptions: (fieldId: string) => (s: RegistrationState): readonly DocumentTypeOption[] => {
    const attached = documentsSelectors.attached(fieldId)(s);
    return withAttachedType(draftSelectors.documentTypes(fieldId)(s), attached?.documentType ?? null, draftSelectors.documentTypeName(attached?.documentType ?? '')(s));
  },
};

/**
 * The master data's types plus the attached document's type, first when the master data does not
 * offer it (a pre-registration's type, a type the applicant type no longer allows): the dropdown
 * shows what the draft holds, never another type beside it.
 */
export function withAttachedType(types: readonly DocumentTypeOption[], attachedType: string | null, attachedName: LocalizedText | undefined): readonly DocumentTypeOption[] {
  if (attachedType === null || types.some((t) => t.code === attachedType)) return types;
  return [{ code: attachedType, name: attachedName ?? {}, applicantTypes: [] }, ...types];
}
