import type { RegistrationState } from '../../initialState';

/** Selectors of the documents slice; curried by field id. */
export const documentsSelectors = {
  status: (fieldId: string) => (s: RegistrationState) => s.documents[fieldId]?.status ?? 'idle',
  error: (fieldId: string) => (s: RegistrationState) => s.documents[fieldId]?.error ?? null,
  /** the stored document's reference as the form holds it */
  attached: (fieldId: string) => (s: RegistrationState) => {
    const value = s.form.values[fieldId];
    return value?.type === 'document' ? value : null;
  },
};
