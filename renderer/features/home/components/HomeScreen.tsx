import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useAppStores } from '../../../AppStores';
import { useHome, useHomeActions } from '../store/hooks';
import { useRegistrationActions } from '../../registration/store/hooks';
import { useSession } from '../../session/store/hooks';
import { DashboardCards } from './cards';
import { DraftsList } from '../../registration/components/ProcessPicker/DraftsList';
import { sessionSelectors } from '../../session/store/selectors';
import { homeSelectors } from '../store/store';


/** The dashboard: each card is live data from the back end; later areas add theirs. */
export function HomeScreen() {
  const { t } = useTranslation();
  const session = useSession(sessionSelectors.session);
  const isSupervisor = useSession(sessionSelectors.hasRole('REGISTRATION_SUPERVISOR'));
  const summary = useHome(homeSelectors.summary);
  const auditResult = useHome(homeSelectors.auditResult);
  const error = useHome(homeSelectors.error);
  const isOfficer = useSession(sessionSelectors.hasRole('REGISTRATION_OFFICER'));
  const stores = useAppStores();
  const { load, verifyAudit } = useHomeActions();
  const { open: openRegistration, listDrafts } = useRegistrationActions();

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (isOfficer) void listDrafts();
  }, [isOfficer, listDrafts]);

  return (
    <main id="main" className="home" aria-labelledby="home-heading">
      <h1 id="home-heading">{t('home.heading')}</h1>
      {session && <p className="welcome">{t('home.welcome', { name: session.name })} · {session.roles.map((r) => t(`session.roles.${r}`)).join(', ')}</p>}
      {isOfficer && (
        <div className="home__registration">
          <button type="button" className="button button--primary button--large" onClick={() => void openRegistration()}>
            {t('registration.home.new')}
          </button>
          <DraftsList />
        </div>
      )}
      <DashboardCards store={stores.cards} onNavigate={(view) => stores.navigation.getState().go(view)} isSupervisor={isSupervisor} isOfficer={isOfficer} />
      {error && <ErrorMessage error={error} />}
      {!summary && !error && <p role="status">{t('common.loading')}</p>}
      {summary && (
        <div className="cards">
          <section className="card" aria-labelledby="card-machine">
            <h2 id="card-machine">{t('home.machine.title')}</h2>
            <dl>
              <dt>{t('home.machine.centre')}</dt>
              <dd>{summary.machine.centreId}</dd>
              <dt>{t('home.machine.machine')}</dt>
              <dd>{summary.machine.machineId}</dd>
              <dt>{t('home.machine.keyIndex')}</dt>
              <dd className="mono" data-testid="key-index">{summary.machine.keyIndex}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="card-activity">
            <h2 id="card-activity">{t('home.activity.title')}</h2>
            <p>{t('home.activity.entries', { count: summary.auditEntriesToday })}</p>
          </section>
          {isSupervisor && (
            <section className="card" aria-labelledby="card-audit">
              <h2 id="card-audit">{t('home.audit.title')}</h2>
              <button type="button" className="button" onClick={() => void verifyAudit()}>
                {t('home.audit.verify')}
              </button>
              {auditResult && (
                <p role="status" className={auditResult.ok ? 'message message--info' : 'message message--error'}>
                  {auditResult.ok ? t('home.audit.ok', { entries: auditResult.entries }) : t('home.audit.broken', { seq: auditResult.problem?.seq, reason: auditResult.problem?.reason })}
                </p>
              )}
            </section>
          )}
        </div>
      )}
    </main>
  );
}
