import type { DocumentTypeOption } from '../../../../../../schemas/uiSpec';
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
  /**
   * The types the dropdown offers. The attached document's type is always among them, first when
   * the master data does not offer it (a pre-registration's type, a type the applicant type no
   * longer allows): the dropdown shows what the draft holds, never another type beside it.
   */
  typeOptions: (fieldId: string) => (s: RegistrationState): readonly DocumentTypeOption[] => {
    const types = draftSelectors.documentTypes(fieldId)(s);
    const attached = documentsSelectors.attached(fieldId)(s);
    if (!attached || types.some((t) => t.code === attached.documentType)) return types;
    const name = draftSelectors.documentTypeName(attached.documentType)(s) ?? {};
    return [{ code: attached.documentType, name, applicantTypes: [] }, ...types];
  },
};
