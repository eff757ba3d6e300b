import type { RegistrationState } from '../../initialState';

/** Selectors of the submit slice. */
export const submitSelectors = {
  status: (s: RegistrationState) => s.submission.status,
  isRunning: (s: RegistrationState) => s.submission.status === 'submitting',
  /** the operator authentication dialog (null when closed) */
  auth: (s: RegistrationState) => s.submission.auth,
  isAuthenticating: (s: RegistrationState) => s.submission.status === 'authenticating',
  issues: (s: RegistrationState) => s.submission.issues,
  progress: (s: RegistrationState) => s.submission.progress,
  residentName: (s: RegistrationState) => s.submission.residentName,
  result: (s: RegistrationState) => s.submission.result,
  rid: (s: RegistrationState) => s.submission.result?.rid ?? null,
  receiptPdfBase64: (s: RegistrationState) => s.submission.receiptPdfBase64,
  error: (s: RegistrationState) => s.submission.error,
  /** the submission still shown in the picker (running, or finished and not yet replaced) */
  hasSubmission: (s: RegistrationState) => s.submission.status === 'submitting' || s.submission.status === 'done' || (s.submission.status === 'failed' && s.submission.residentName !== null),
  /** preview: submit only once the back end found nothing to fix */
  canSubmit: (s: RegistrationState) => s.submission.status === 'idle' && s.submission.issues.length === 0 && s.form.status === 'editing',
};
