import type { RegistrationState } from '../../initialState';

/** The dialog's fields an authentication failure belongs to. */
export type AuthField = 'password' | 'reviewerUserId' | 'reviewerPassword';

const REVIEWER_USER_ERRORS: readonly string[] = ['ERR_REG_REVIEWER_REQUIRED', 'ERR_REG_REVIEWER_IS_OPERATOR', 'ERR_REG_REVIEWER_NOT_SUPERVISOR'];
const REVIEWER_PASSWORD_ERRORS: readonly string[] = ['ERR_REG_REVIEWER_AUTH_FAILED', 'ERR_REG_REVIEWER_LOCKED'];

/** Selectors of the submit slice. */
export const submitSelectors = {
  status: (s: RegistrationState) => s.submission.status,
  isRunning: (s: RegistrationState) => s.submission.status === 'submitting',
  /** the operator authentication dialog (null when closed) */
  auth: (s: RegistrationState) => s.submission.auth,
  isAuthenticating: (s: RegistrationState) => s.submission.status === 'authenticating',
  /** a supervisor must review this registration (biometric exceptions): the dialog asks for them */
  reviewerRequired: (s: RegistrationState) => s.submission.reviewerRequired,
  /** which field the dialog's last failure is about, so it is shown there (null: none) */
  authErrorField: (s: RegistrationState): AuthField | null => {
    const code = s.submission.auth?.error?.code;
    if (code === undefined) return null;
    if (REVIEWER_USER_ERRORS.includes(code)) return 'reviewerUserId';
    return REVIEWER_PASSWORD_ERRORS.includes(code) ? 'reviewerPassword' : 'password';
  },
  issues: (s: RegistrationState) => s.submission.issues,
  progress: (s: RegistrationState) => s.submission.progress,
  residentName: (s: RegistrationState) => s.submission.residentName,
  result: (s: RegistrationState) => s.submission.result,
  rid: (s: RegistrationState) => s.submission.result?.rid ?? null,
  receiptPdfBase64: (s: RegistrationState) => s.submission.receiptPdfBase64,
  /** the receipt's content in the resident's language (null until the packet is built) */
  receipt: (s: RegistrationState) => s.submission.receipt,
  error: (s: RegistrationState) => s.submission.error,
  /** the submission still shown in the picker (running, or finished and not yet replaced) */
  hasSubmission: (s: RegistrationState) => s.submission.status === 'submitting' || s.submission.status === 'done' || (s.submission.status === 'failed' && s.submission.residentName !== null),
  /** preview: submit only once the back end found nothing to fix */
  canSubmit: (s: RegistrationState) => s.submission.status === 'idle' && s.submission.issues.length === 0 && s.form.status === 'editing',
};
