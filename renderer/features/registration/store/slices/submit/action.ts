import type { ReviewerCredentials } from '../../../../../../schemas/api/registrationApi';
import { toUiError } from '../../../../UiError';
import { initialBiometricsState, initialFormState, initialSubmitState } from '../../initialState';
import type { SliceContext } from '../../store';
import { residentName } from './residentName';
import { submitSelectors } from './selectors';

export interface SubmitActions {
  /** after the last screen: saves, then asks the back end to validate the whole draft */
  openPreview(): Promise<void>;
  /** after "Submit registration": opens the operator authentication dialog */
  requestSubmit(): void;
  /** closes the dialog (Esc, Cancel) unless the password is being checked */
  cancelSubmit(): void;
  /**
   * Sends the operator's password with the draft: the back end authenticates, then builds the
   * packet and receipt. A refusal before the build starts stays in the dialog; once the build
   * starts (its first progress event) the acknowledgement shows it, and the operator may start
   * the next resident while it runs. With biometric exceptions a supervisor's user id and
   * password go along (`exception_auth`). Passwords are passed through, never stored.
   */
  submit(password: string, reviewer?: ReviewerCredentials): Promise<void>;
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
        const { issues, reviewerRequired } = await api['drafts.validate']({ draftId });
        set((s) => ({ submission: { ...s.submission, status: 'idle', issues, reviewerRequired } }));
      } catch (err) {
        set((s) => ({ submission: { ...s.submission, status: 'failed', error: toUiError(err) } }));
      }
    },
    requestSubmit() {
      if (submitSelectors.canSubmit(get())) set((s) => ({ submission: { ...s.submission, auth: { error: null } } }));
    },
    cancelSubmit() {
      if (get().submission.status !== 'authenticating') set((s) => ({ submission: { ...s.submission, auth: null } }));
    },
    async submit(password, reviewer) {
      const { form } = get();
      const draftId = form.draftId;
      if (!draftId || get().submission.status === 'submitting' || get().submission.status === 'authenticating') return;
      const receiptLanguage = form.languages[0] ?? 'por';
      set((s) => ({
        submission: { ...initialSubmitState(), status: 'authenticating', auth: s.submission.auth ?? { error: null }, draftId, residentName: residentName(form), reviewerRequired: s.submission.reviewerRequired },
      }));
      // only sent when the preview asked for it: a reviewer given for no reason would be ignored anyway
      const withReviewer = reviewer && get().submission.reviewerRequired ? { reviewer } : {};
      // the first progress event means the password passed and the build started
      const building = () => set((s) => (s.submission.status === 'authenticating' ? { draft: { ...s.draft, view: 'acknowledgement' }, submission: { ...s.submission, status: 'submitting', auth: null } } : {}));
      const stopProgress = api.on('packets.onDidProgress', (progress) => {
        if (progress.draftId !== draftId) return;
        building();
        set((s) => ({ submission: { ...s.submission, progress } }));
      });
      try {
        await get().save();
        const { packet, receiptPdfBase64, receipt } = await api['drafts.submit']({ draftId, receiptLanguage, password, ...withReviewer });
        building();
        set((s) => ({
          submission: { ...s.submission, status: 'done', result: packet, receiptPdfBase64, receipt },
          // the back end deleted the draft with the commit: the list must not offer it meanwhile
          draft: { ...s.draft, drafts: s.draft.drafts.filter((d) => d.draftId !== draftId) },
          // the draft is gone on the back end; a form still showing it is closed
          ...(s.form.draftId === draftId ? { form: initialFormState(), documents: {}, biometrics: { ...initialBiometricsState(), warning: s.biometrics.warning } } : {}),
        }));
      } catch (err) {
        const error = toUiError(err);
        set((s) =>
          s.submission.status === 'authenticating'
            ? // nothing was built: the dialog shows why (wrong password, locked…) and the draft is as it was;
              // a supervisor turned review on meanwhile: the dialog now asks for one
              { submission: { ...s.submission, status: 'idle', auth: { error }, reviewerRequired: s.submission.reviewerRequired || error.code === 'ERR_REG_REVIEWER_REQUIRED' } }
            : { draft: { ...s.draft, view: 'acknowledgement' }, submission: { ...s.submission, status: 'failed', auth: null, error } },
        );
      } finally {
        stopProgress();
      }
    },
    showAcknowledgement: () => set((s) => ({ draft: { ...s.draft, view: 'acknowledgement' } })),
  };
}
