import { base64Length, MAX_UPLOAD_BYTES, type UploadedFile } from '../../../../../../schemas/api/registrationApi';
import { toUiError } from '../../../../UiError';
import type { SliceContext } from '../../store';
import { formActions, formReducer } from '../form/reducer';

export interface DocumentsActions {
  /** sends the chosen files (base64) to the back end, which converts, size-checks and stores them */
  attachDocument(fieldId: string, documentType: string, refNumber: string | null, files: readonly UploadedFile[]): Promise<void>;
  /** sets the type and reference number of the attached document on the back end; the form takes its reply */
  describeDocument(fieldId: string, documentType: string, refNumber: string | null): Promise<void>;
  removeDocument(fieldId: string): void;
  /** a file the page cannot send (not JPEG, PNG or PDF): the same error the back end would give */
  rejectDocument(fieldId: string, name: string, format: string): void;
  /** files whose sizes (`File.size`, known before reading) pass what one call may carry: refused unread */
  rejectOversized(fieldId: string, names: readonly string[], sizeBytes: number): void;
}

const tooLarge = (names: readonly string[], sizeBytes: number) => ({
  code: 'ERR_REG_DOCUMENT_TOO_LARGE' as const,
  details: { name: names.join(', '), sizeBytes, limitBytes: MAX_UPLOAD_BYTES, sizeKb: Math.ceil(sizeBytes / 1024), limitKb: Math.floor(MAX_UPLOAD_BYTES / 1024) },
});

/** Documents: the bytes go straight to the back end; the form keeps only the returned reference. */
export function createDocumentsActions({ api, set, get, now }: SliceContext): DocumentsActions {
  return {
    async attachDocument(fieldId, documentType, refNumber, files) {
      const draftId = get().form.draftId;
      if (!draftId) return;
      // more than one call may carry would be refused by the host's frame limit (and close its
      // socket): say so here, as the back end's own size error
      const sizeBytes = Math.floor(files.reduce((n, f) => n + f.base64.length, 0) * 3 / 4);
      if (sizeBytes > MAX_UPLOAD_BYTES || files.some((f) => f.base64.length > base64Length(MAX_UPLOAD_BYTES))) {
        set((s) => ({ documents: { ...s.documents, [fieldId]: { status: 'failed', error: tooLarge(files.map((f) => f.name), sizeBytes) } } }));
        return;
      }
      set((s) => ({ documents: { ...s.documents, [fieldId]: { status: 'uploading', error: null } } }));
      try {
        const value = await api['drafts.attachDocument']({ draftId, fieldId, documentType, refNumber: refNumber?.trim() || null, files: [...files] });
        set((s) => ({ form: formReducer(s.form, formActions.setValue(fieldId, value, now())), documents: { ...s.documents, [fieldId]: { status: 'attached', error: null } } }));
      } catch (err) {
        set((s) => ({ documents: { ...s.documents, [fieldId]: { status: 'failed', error: toUiError(err) } } }));
      }
    },
    rejectOversized(fieldId, names, sizeBytes) {
      set((s) => ({ documents: { ...s.documents, [fieldId]: { status: 'failed', error: tooLarge(names, sizeBytes) } } }));
    },
    async describeDocument(fieldId, documentType, refNumber) {
      const draftId = get().form.draftId;
      if (!draftId) return;
      try {
        const value = await api['drafts.describeDocument']({ draftId, fieldId, documentType, refNumber: refNumber?.trim() || null });
        set((s) => ({ form: formReducer(s.form, formActions.setValue(fieldId, value, now())), documents: { ...s.documents, [fieldId]: { status: 'attached', error: null } } }));
      } catch (err) {
        set((s) => ({ documents: { ...s.documents, [fieldId]: { status: 'failed', error: toUiError(err) } } }));
      }
    },
    rejectDocument(fieldId, name, format) {
      set((s) => ({ documents: { ...s.documents, [fieldId]: { status: 'failed', error: { code: 'ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT', details: { name, format } } } } }));
    },
    removeDocument(fieldId) {
      set((s) => {
        const { [fieldId]: _removed, ...documents } = s.documents;
        return { form: formReducer(s.form, formActions.setValue(fieldId, null, now())), documents };
      });
    },
  };
}
