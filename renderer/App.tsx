import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from './AppStores';
import { useNavigation } from './features/navigation/store/hooks';
import { useRegistration } from './features/registration/store/hooks';
import { useSession, useSessionActions } from './features/session/store/hooks';
import { ApprovalView } from './features/approval';
import { SyncView } from './features/sync';
import { SettingsView } from './features/settings/components/SettingsView';
import { navigationSelectors, type AppView } from './features/navigation/store/store';
import { LanguageSwitch } from './components/LanguageSwitch';
import { HomeScreen } from './features/home/components/HomeScreen';
import { RegistrationScreen } from './features/registration/components/RegistrationScreen';
import { draftSelectors } from './features/registration/store/slices/draft/selectors';
import { IdleWarning } from './features/session/components/IdleWarning';
import { LoginScreen } from './features/session/components/LoginScreen';
import { sessionSelectors } from './features/session/store/selectors';

export function App() {
  const { t } = useTranslation();
  const status = useSession(sessionSelectors.status);
  const session = useSession(sessionSelectors.session);
  const appInfo = useSession(sessionSelectors.appInfo);
  const isRegistering = useRegistration(draftSelectors.isOpen);
  const { logout, reportActivity } = useSessionActions();
  const stores = useAppStores();
  const view = useNavigation(navigationSelectors.view);
  const isSupervisor = useSession(sessionSelectors.hasRole('REGISTRATION_SUPERVISOR'));
  const go = (next: AppView) => stores.navigation.getState().go(next);
  const navItems: readonly AppView[] = isSupervisor ? ['home', 'approval', 'sync', 'settings'] : ['home', 'sync', 'settings'];

  useEffect(() => {
    const onActivity = () => reportActivity();
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [reportActivity]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__title">{t('app.title')}</span>
        {appInfo?.isDemo && <span className="badge">{t('app.demo')}</span>}
        <span className="topbar__spacer" />
        {session && !isRegistering && (
          <nav aria-label={t('nav.label')} className="topbar__nav">
            {navItems.map((item) => (
              <button key={item} type="button" className="button button--nav" aria-current={view === item ? 'page' : undefined} onClick={() => go(item)}>
                {t(`nav.${item}`)}
              </button>
            ))}
          </nav>
        )}
        <LanguageSwitch />
        {session && (
          <button type="button" className="button" onClick={() => void logout()}>
            {t('session.logout')}
          </button>
        )}
      </header>
      <IdleWarning />
      {status === 'starting' ? (
        <main id="main">
          <p role="status">{t('common.loading')}</p>
        </main>
      ) : status === 'loggedIn' ? (
        isRegistering ? (
          <RegistrationScreen />
        ) : view === 'approval' && isSupervisor ? (
          <ApprovalView store={stores.approval} />
        ) : view === 'sync' ? (
          <SyncView store={stores.sync} />
        ) : view === 'settings' ? (
          <SettingsView store={stores.settings} canEdit={isSupervisor} />
        ) : (
          <HomeScreen />
        )
      ) : (
        <LoginScreen />
      )}
    </>
  );
}
