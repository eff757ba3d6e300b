import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { useSession } from '../../../session/store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { PasswordDialog } from '../../../../components/PasswordDialog';
import { sessionSelectors } from '../../../session/store/selectors';
import { submitSelectors } from '../../store/slices/submit/selectors';

/**
 * Operator authentication before the packet is built (MOSIP `packet_auth`): the logged-in
 * operator types their own password; the user id is the session's and cannot be changed here.
 * When the registration has biometric exceptions (and review is on), a "Supervisor review"
 * section asks a supervisor for their user id and password (MOSIP `exception_auth`); a failure is
 * shown on the field it is about. The supervisor's password lives only in this component's state.
 */
export function OperatorAuthDialog() {
  const { t } = useTranslation();
  const auth = useRegistration(submitSelectors.auth);
  const isAuthenticating = useRegistration(submitSelectors.isAuthenticating);
  const reviewerRequired = useRegistration(submitSelectors.reviewerRequired);
  const errorField = useRegistration(submitSelectors.authErrorField);
  const userId = useSession(sessionSelectors.session)?.userId ?? '';
  const { submit, cancelSubmit } = useRegistrationActions();
  const [reviewerId, setReviewerId] = useState('');
  const [reviewerPassword, setReviewerPassword] = useState('');
  const reviewerIdRef = useRef<HTMLInputElement>(null);
  const reviewerPasswordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const isOpen = auth !== null;
  const error = auth?.error ?? null;

  useEffect(() => {
    if (isOpen) return;
    setReviewerId('');
    setReviewerPassword('');
  }, [isOpen]);

  useEffect(() => {
    // a failure about the supervisor: their password is cleared, focus goes where the fix is
    if (!error || errorField === 'password' || errorField === null) return;
    setReviewerPassword('');
    (errorField === 'reviewerUserId' ? reviewerIdRef : reviewerPasswordRef).current?.focus();
  }, [error, errorField]);

  const reviewerReady = !reviewerRequired || (reviewerId.trim() !== '' && reviewerPassword !== '');
  const fieldError = (field: 'reviewerUserId' | 'reviewerPassword') => (error && errorField === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});
  const review = reviewerRequired ? (
    <fieldset className="dialog__section">
      <legend>{t('registration.auth.reviewer.title')}</legend>
      <p className="dialog__intro">{t('registration.auth.reviewer.intro')}</p>
      <label>
        {t('registration.auth.reviewer.userId')}
        <input ref={reviewerIdRef} type="text" dir="ltr" autoComplete="off" autoCapitalize="none" spellCheck={false} value={reviewerId} onChange={(e) => setReviewerId(e.target.value)} required {...fieldError('reviewerUserId')} />
      </label>
      {error && errorField === 'reviewerUserId' && <ErrorMessage error={error} id={errorId} />}
      <label>
        {t('registration.auth.reviewer.password')}
        <input ref={reviewerPasswordRef} type="password" autoComplete="off" value={reviewerPassword} onChange={(e) => setReviewerPassword(e.target.value)} required {...fieldError('reviewerPassword')} />
      </label>
      {error && errorField === 'reviewerPassword' && <ErrorMessage error={error} id={errorId} />}
    </fieldset>
  ) : null;

  return (
    <PasswordDialog
      isOpen={isOpen}
      title={t('registration.auth.title')}
      passwordLabel={t('registration.auth.password')}
      confirmLabel={t('registration.auth.confirm')}
      cancelLabel={t('registration.auth.cancel')}
      busyLabel={t('registration.auth.checking')}
      isBusy={isAuthenticating}
      error={errorField === 'password' ? error : null}
      canConfirm={reviewerReady}
      fallbackFocusId="preview-heading"
      onConfirm={(password) => void submit(password, reviewerRequired ? { userId: reviewerId.trim(), password: reviewerPassword } : undefined)}
      onCancel={cancelSubmit}
      after={review}
    >
      <p className="dialog__intro">{t('registration.auth.intro', { userId })}</p>
    </PasswordDialog>
  );
}
