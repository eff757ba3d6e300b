import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useHome, useHomeActions, useRegistrationActions, useSession } from '../../../AppStores';
import { DraftsList } from '../../registration/components/ProcessPicker/DraftsList';
import { sessionSelectors } from '../../session/store/selectors';
import { homeSelectors } from '../store/store';
import { BCP47 } from '../../../i18n/resources';

const LOW_DISK_BYTES = 2 * 1024 ** 3;

function formatBytes(bytes: number, locale: string): string {
  const gib = bytes / 1024 ** 3;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(gib)} GiB`;
}

/** The dashboard: each card is live data from the back end; later areas add theirs. */
export function HomeScreen() {
  const { t } = useTranslation();
  const session = useSession(sessionSelectors.session);
  const language = useSession(sessionSelectors.language);
  const isSupervisor = useSession(sessionSelectors.hasRole('REGISTRATION_SUPERVISOR'));
  const summary = useHome(homeSelectors.summary);
  const auditResult = useHome(homeSelectors.auditResult);
  const error = useHome(homeSelectors.error);
  const isOfficer = useSession(sessionSelectors.hasRole('REGISTRATION_OFFICER'));
  const { load, verifyAudit } = useHomeActions();
  const { open: openRegistration, listDrafts } = useRegistrationActions();
  const locale = BCP47[language];

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
          <section className="card" aria-labelledby="card-disk">
            <h2 id="card-disk">{t('home.disk.title')}</h2>
            <p>{t('home.disk.free', { free: formatBytes(summary.disk.freeBytes, locale), total: formatBytes(summary.disk.totalBytes, locale) })}</p>
            {summary.disk.freeBytes < LOW_DISK_BYTES && <p className="message message--warning">{t('home.disk.low')}</p>}
          </section>
          <section className="card" aria-labelledby="card-activity">
            <h2 id="card-activity">{t('home.activity.title')}</h2>
            <p>{t('home.activity.entries', { count: summary.auditEntriesToday })}</p>
          </section>
          <section className="card" aria-labelledby="card-sync">
            <h2 id="card-sync">{t('home.sync.title')}</h2>
            <p>{summary.lastSyncAt === null ? t('home.sync.never') : t('home.sync.last', { when: new Date(summary.lastSyncAt).toLocaleString(locale) })}</p>
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
