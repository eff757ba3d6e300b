import { toUiError } from '../../../../UiError';
import { initialBiometricsState, initialFormState, initialSubmitState } from '../../initialState';
import type { SliceContext } from '../../store';
import { residentName } from './residentName';

export interface SubmitActions {
  /** after the last screen: saves, then asks the back end to validate the whole draft */
  openPreview(): Promise<void>;
  /** builds the packet and receipt; the operator may start the next resident while it runs */
  submit(): Promise<void>;
  /** back to the acknowledgement of the last submission (from the picker) */
  showAcknowledgement(): void;
}

/** Submission: progress comes from `packets.onDidProgress`, keyed by the draft being built. */
export function createSubmitActions({ api, set, get }: SliceContext): SubmitActions {
  return {
    async openPreview() {
      const draftId = get().form.draftId;
      if (!draftId) return;
      await get().stopPreview();
      set((s) => ({ draft: { ...s.draft, view: 'preview' }, submission: { ...initialSubmitState(), status: 'validating', draftId } }));
      await get().save();
      try {
        const { issues } = await api['drafts.validate']({ draftId });
        set((s) => ({ submission: { ...s.submission, status: 'idle', issues } }));
      } catch (err) {
        set((s) => ({ submission: { ...s.submission, status: 'failed', error: toUiError(err) } }));
      }
    },
    async submit() {
      const { form } = get();
      const draftId = form.draftId;
      if (!draftId || get().submission.status === 'submitting') return;
      const receiptLanguage = form.languages[0] ?? 'por';
      set((s) => ({ draft: { ...s.draft, view: 'acknowledgement' }, submission: { ...initialSubmitState(), status: 'submitting', draftId, residentName: residentName(form) } }));
      const stopProgress = api.on('packets.onDidProgress', (progress) => {
        if (progress.draftId === draftId) set((s) => ({ submission: { ...s.submission, progress } }));
      });
      try {
        await get().save();
        const { packet, receiptPdfBase64 } = await api['drafts.submit']({ draftId, receiptLanguage });
        set((s) => ({
          submission: { ...s.submission, status: 'done', result: packet, receiptPdfBase64 },
          // the back end deleted the draft with the commit: the list must not offer it meanwhile
          draft: { ...s.draft, drafts: s.draft.drafts.filter((d) => d.draftId !== draftId) },
          // the draft is gone on the back end; a form still showing it is closed
          ...(s.form.draftId === draftId ? { form: initialFormState(), documents: {}, biometrics: { ...initialBiometricsState(), warning: s.biometrics.warning } } : {}),
        }));
      } catch (err) {
        set((s) => ({ submission: { ...s.submission, status: 'failed', error: toUiError(err) } }));
      } finally {
        stopProgress();
      }
    },
    showAcknowledgement: () => set((s) => ({ draft: { ...s.draft, view: 'acknowledgement' } })),
  };
}
