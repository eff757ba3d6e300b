import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { JobStatus } from '../../../../schemas/outbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';
import { formatTime } from '../../../common/formatTime';
import { useLocale } from '../../../common/useLocale';
import { useSession } from '../../session/store/hooks';
import { sessionSelectors } from '../../session/store/selectors';

function JobRow({ store, job, canEdit, locale }: Readonly<{ store: SyncStore; job: JobStatus; canEdit: boolean; locale: string }>) {
  const { t } = useTranslation();
  const saving = useStore(store, syncSelectors.schedule).saving === job.job;
  const [minutes, setMinutes] = useState(String(job.everyMinutes));
  const everyId = `job-every-${job.job}`;
  const parsed = Number(minutes);
  const isValid = Number.isInteger(parsed) && parsed >= 1 && parsed <= 7 * 24 * 60;
  const language = useSession(sessionSelectors.language);
  // a cron schedule (MOSIP's SyncJobDef, or a local one) stays a cron when the job is switched on or off
  const cron = job.cron ? { cron: job.cron } : {};
  return (
    <tr>
      <th scope="row">{t(`sync.schedule.jobs.${job.job}`)}</th>
      <td>
        {canEdit ? (
          <input type="checkbox" checked={job.enabled} disabled={saving} aria-label={t('sync.schedule.enabledFor', { job: t(`sync.schedule.jobs.${job.job}`) })} onChange={(e) => void store.getState().setSchedule({ job: job.job, enabled: e.target.checked, everyMinutes: job.everyMinutes, ...cron })} />
        ) : (
          t(job.enabled ? 'sync.schedule.on' : 'sync.schedule.off')
        )}
      </td>
      <td>
        {job.cron && (
          <p className="sync__cron">
            {job.cronWords?.[language] ?? job.cron}
            {job.source === 'server' && <> ({t('sync.schedule.fromServer')})</>}
          </p>
        )}
        {canEdit ? (
          <form
            className="sync__every"
            onSubmit={(e) => {
              e.preventDefault();
              if (isValid) void store.getState().setSchedule({ job: job.job, enabled: job.enabled, everyMinutes: parsed });
            }}
          >
            <label htmlFor={everyId} className="visually-hidden">
              {t('sync.schedule.everyFor', { job: t(`sync.schedule.jobs.${job.job}`) })}
            </label>
            <input id={everyId} type="number" min={1} max={10080} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={!isValid} />
            <button type="submit" className="button button--small" disabled={saving || !isValid || parsed === job.everyMinutes}>
              {t('sync.schedule.save')}
            </button>
          </form>
        ) : (
          t('sync.schedule.everyMinutes', { count: job.everyMinutes })
        )}
      </td>
      <td>
        {job.lastRunAt === null ? t('sync.schedule.never') : formatTime(job.lastRunAt, locale)}
        {job.lastOk === false && job.lastErrorCode && <ErrorMessage error={{ code: job.lastErrorCode, details: {} }} />}
      </td>
      <td>{job.running ? t('sync.schedule.runningNow') : job.nextRunAt === null ? '—' : formatTime(job.nextRunAt, locale)}</td>
    </tr>
  );
}

/** The scheduled jobs with their last and next run; supervisors edit them (`sync.setSchedule`). */
export function SchedulePanel({ store, canEdit }: Readonly<{ store: SyncStore; canEdit: boolean }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const jobs = useStore(store, useShallow(syncSelectors.jobs));
  const error = useStore(store, syncSelectors.schedule).error;
  return (
    <section className="card sync__schedule" aria-labelledby="sync-schedule-heading">
      <h2 id="sync-schedule-heading">{t('sync.schedule.heading')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('sync.schedule.job')}</th>
            <th scope="col">{t('sync.schedule.enabled')}</th>
            <th scope="col">{t('sync.schedule.every')}</th>
            <th scope="col">{t('sync.schedule.lastRun')}</th>
            <th scope="col">{t('sync.schedule.nextRun')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow key={`${job.job}:${job.everyMinutes}`} store={store} job={job} canEdit={canEdit} locale={locale} />
          ))}
        </tbody>
      </table>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
