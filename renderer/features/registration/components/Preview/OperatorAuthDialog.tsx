import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions, useSession } from '../../../../AppStores';
import { PasswordDialog } from '../../../../components/PasswordDialog';
import { sessionSelectors } from '../../../session/store/selectors';
import { submitSelectors } from '../../store/slices/submit/selectors';

/**
 * Operator authentication before the packet is built (MOSIP `packet_auth`): the logged-in
 * operator types their own password; the user id is the session's and cannot be changed here.
 */
export function OperatorAuthDialog() {
  const { t } = useTranslation();
  const auth = useRegistration(submitSelectors.auth);
  const isAuthenticating = useRegistration(submitSelectors.isAuthenticating);
  const userId = useSession(sessionSelectors.session)?.userId ?? '';
  const { submit, cancelSubmit } = useRegistrationActions();
  return (
    <PasswordDialog
      isOpen={auth !== null}
      title={t('registration.auth.title')}
      passwordLabel={t('registration.auth.password')}
      confirmLabel={t('registration.auth.confirm')}
      cancelLabel={t('registration.auth.cancel')}
      busyLabel={t('registration.auth.checking')}
      isBusy={isAuthenticating}
      error={auth?.error ?? null}
      fallbackFocusId="preview-heading"
      onConfirm={(password) => void submit(password)}
      onCancel={cancelSubmit}
    >
      <p className="dialog__intro">{t('registration.auth.intro', { userId })}</p>
    </PasswordDialog>
  );
}
