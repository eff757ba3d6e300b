import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { DEFAULT_BACKUP_CRON } from '../../../../schemas/backup';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLocale } from '../../../common/useLocale';
import { settingsSelectors, type SettingsStore } from '../store/store';
import '../../../styles/backup.css';

/**
 * "Backups" (supervisors only): the folder scheduled backups go to (a second disk, a USB stick),
 * when, the passphrase (typed twice, never shown again), "Back up now", and how the last one went.
 */
export function BackupSection({ store }: Readonly<{ store: SettingsStore }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const backup = useStore(store, settingsSelectors.backup);
  const status = useStore(store, settingsSelectors.backupStatus);
  const error = useStore(store, settingsSelectors.backupError);
  const [dir, setDir] = useState(backup?.dir ?? '');
  const [cron, setCron] = useState(backup?.cron ?? DEFAULT_BACKUP_CRON);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const headingId = useId();

  useEffect(() => {
    void store.getState().loadBackup();
  }, [store]);
  useEffect(() => {
    setDir(backup?.dir ?? '');
    setCron(backup?.cron ?? DEFAULT_BACKUP_CRON);
  }, [backup?.dir, backup?.cron]);

  const differ = passphrase !== again;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (differ) return;
    void store.getState().configureBackup({ dir: dir.trim() || null, cron, ...(passphrase ? { passphrase } : {}) });
    setPassphrase('');
    setAgain('');
  };
  const time = (at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const busy = status === 'saving' || status === 'running';

  return (
    <section className="card backup" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.backup.title')}</h2>
      <p className="muted">{t('settings.backup.intro')}</p>
      {backup && (
        <p role="status" data-testid="backup-last">
          {backup.lastRunAt === null
            ? t('settings.backup.never')
            : backup.lastOk
              ? `${t('settings.backup.lastOk', { time: time(backup.lastRunAt), dir: backup.lastBackupDir ?? '' })} ${t('settings.backup.packets', { count: backup.lastPackets ?? 0 })}`
              : t('settings.backup.lastFailed', { time: time(backup.lastRunAt) })}
          {backup.nextRunAt !== null && ` ${t('settings.backup.next', { time: time(backup.nextRunAt) })}`}
        </p>
      )}
      {backup?.lastOk === false && backup.lastErrorCode && <ErrorMessage error={{ code: backup.lastErrorCode, details: {} }} />}
      <form onSubmit={submit} className="backup__form" data-status={status} aria-busy={busy}>
        <label htmlFor="backup-dir">{t('settings.backup.dir')}</label>
        <input id="backup-dir" type="text" dir="ltr" value={dir} onChange={(e) => setDir(e.target.value)} aria-describedby="backup-dir-hint" />
        <p id="backup-dir-hint" className="muted">{t('settings.backup.dirHint')}</p>
        <label htmlFor="backup-cron">{t('settings.backup.cron')}</label>
        <input id="backup-cron" type="text" dir="ltr" value={cron} onChange={(e) => setCron(e.target.value)} />
        <label htmlFor="backup-pass">{backup?.hasPassphrase ? t('settings.backup.passphraseChange') : t('settings.backup.passphrase')}</label>
        <input id="backup-pass" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby="backup-pass-hint" />
        <p id="backup-pass-hint" className="muted">{t('settings.backup.passphraseHint')}</p>
        <label htmlFor="backup-pass-again">{t('settings.backup.passphraseAgain')}</label>
        <input id="backup-pass-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={differ} />
        {differ && again !== '' && <p className="message message--error">{t('settings.backup.differ')}</p>}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button button--primary" disabled={busy || differ}>
          {t('settings.backup.save')}
        </button>{' '}
        <button type="button" className="button" disabled={busy || !backup?.dir} onClick={() => void store.getState().runBackup()}>
          {status === 'running' ? t('settings.backup.running') : t('settings.backup.runNow')}
        </button>
      </form>
    </section>
  );
}
