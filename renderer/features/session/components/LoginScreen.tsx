import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PasswordInput } from '../../../components/PasswordInput';
import { useSession, useSessionActions } from '../store/hooks';
import { sessionSelectors } from '../store/selectors';

export function LoginScreen() {
  const { t } = useTranslation();
  const status = useSession(sessionSelectors.status);
  const error = useSession(sessionSelectors.error);
  const notice = useSession(sessionSelectors.notice);
  const appInfo = useSession(sessionSelectors.appInfo);
  const expiredAfterSeconds = useSession(sessionSelectors.expiredAfterSeconds);
  const { login } = useSessionActions();
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const userRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => userRef.current?.focus(), []);
  useEffect(() => {
    // After a failed attempt the password is cleared and focused: the usual next action.
    if (error?.code === 'ERR_AUTH_WRONG_PASSWORD') {
      setPassword('');
      passwordRef.current?.focus();
    }
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void login(userId.trim(), password);
  };
  const busy = status === 'loggingIn';
  return (
    <main id="main" className="login" aria-labelledby="login-heading">
      <form className="card login__card" onSubmit={submit} noValidate>
        <h1 id="login-heading">{t('login.heading')}</h1>
        {appInfo && <p className="muted">{t('login.machine', { centreId: appInfo.centreId, machineId: appInfo.machineId })}</p>}
        {appInfo?.keyProtection === 'keyfile' && <p className="message message--warning" data-testid="key-file-warning">{t('login.keyFileWarning')}</p>}
        {notice === 'loggedOut' && !error && (
          <p className="message message--info" role="status">
            {t('login.loggedOut')}
          </p>
        )}
        {notice === 'expired' && !error && <ErrorMessage error={{ code: 'ERR_AUTH_SESSION_EXPIRED', details: { idleSeconds: expiredAfterSeconds ?? 0 } }} />}
        {error && <ErrorMessage error={error} id="login-error" />}
        <label htmlFor="login-user">{t('login.userId')}</label>
        <input id="login-user" ref={userRef} autoComplete="username" value={userId} onChange={(e) => setUserId(e.target.value)} required aria-describedby={error ? 'login-error' : undefined} />
        <label htmlFor="login-password">{t('login.password')}</label>
        <PasswordInput id="login-password" inputRef={passwordRef} value={password} onChange={setPassword} errorId={error ? 'login-error' : undefined} />
        <button type="submit" className="button button--primary" disabled={busy || !userId || !password}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
