import { useTranslation } from 'react-i18next';
import { useSession, useSessionActions } from '../store/hooks';
import { sessionSelectors } from '../store/selectors';

/** The countdown the main process announced; one click (or any key) keeps the session. */
export function IdleWarning() {
  const { t } = useTranslation();
  const secondsLeft = useSession(sessionSelectors.idleSecondsLeft);
  const { stayLoggedIn } = useSessionActions();
  if (secondsLeft === null) return null;
  return (
    <div className="banner banner--warning" role="alertdialog" aria-live="assertive" aria-labelledby="idle-text">
      <span id="idle-text">{t('session.idleWarning', { seconds: secondsLeft })}</span>
      <button type="button" className="button" onClick={() => void stayLoggedIn()} autoFocus>
        {t('session.stay')}
      </button>
    </div>
  );
}
