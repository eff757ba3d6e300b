import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';
import { formatTime } from '../../../common/formatTime';
import { useLocale } from '../../../common/useLocale';

/** "Sync now", the run's progress bar, and what the run did (or what stopped it). */
export function SyncRunPanel({ store }: Readonly<{ store: SyncStore }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const run = useStore(store, syncSelectors.run);
  const progress = useStore(store, syncSelectors.progress);
  const percent = useStore(store, syncSelectors.progressPercent);
  const isProgressVisible = useStore(store, syncSelectors.isProgressVisible);
  const isRunning = run.status === 'running';
  const summary = run.summary;
  return (
    <section className="card sync__run" aria-labelledby="sync-run-heading">
      <h2 id="sync-run-heading">{t('sync.run.heading')}</h2>
      <button type="button" className="button button--primary" onClick={() => void store.getState().syncNow()} disabled={isRunning} aria-describedby="sync-run-status">
        {isRunning ? t('sync.run.running') : t('sync.run.now')}
      </button>
      {isProgressVisible && progress && percent !== null && (
        <div className="sync__progress">
          <label htmlFor="sync-progress">{t(`sync.run.phase.${progress.phase}`, { done: progress.done, total: progress.total })}</label>
          <progress id="sync-progress" max={100} value={percent}>
            {percent}%
          </progress>
        </div>
      )}
      <div id="sync-run-status" role="status">
        {isRunning && !progress && t('sync.run.running')}
        {summary && (
          <div className="sync__summary">
            <p>
              {t('sync.run.summary', {
                when: formatTime(summary.finishedAt, locale),
                synced: summary.synced.length,
                uploaded: summary.uploaded.length,
                statuses: summary.statusUpdated.length,
                parked: summary.parked.length,
                retrying: summary.retrying.length,
              })}
            </p>
            {summary.retrying.length > 0 && <p>{t('sync.run.retryingAt', { when: formatTime(Math.min(...summary.retrying.map((r) => r.nextAttemptAt)), locale) })}</p>}
          </div>
        )}
      </div>
      {summary?.stoppedBy && (
        <>
          <p className="sync__stopped">{t('sync.run.stopped')}</p>
          <ErrorMessage error={summary.stoppedBy} />
        </>
      )}
      {run.error && <ErrorMessage error={run.error} />}
    </section>
  );
}
