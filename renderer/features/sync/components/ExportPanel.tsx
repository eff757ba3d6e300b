import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import { ExportDrives } from './ExportDrives';
import type { SyncStore } from '../store/store';

/** "Export to folder": approved and rejected packets with a signed manifest, for a USB stick. */
export function ExportPanel({ store }: Readonly<{ store: SyncStore }>) {
  const { t } = useTranslation();
  const exported = useStore(store, syncSelectors.exported);
  const [dir, setDir] = useState('');
  const isRunning = exported.status === 'running';
  return (
    <section className="card sync__export" aria-labelledby="sync-export-heading">
      <h2 id="sync-export-heading">{t('sync.export.heading')}</h2>
      <form
        className="sync__export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void store.getState().exportTo(dir);
        }}
      >
        <ExportDrives store={store} dir={dir} onChoose={setDir} />
        <label htmlFor="sync-export-dir">{t('sync.export.folder')}</label>
        <input id="sync-export-dir" type="text" className="mono" dir="ltr" value={dir} onChange={(e) => setDir(e.target.value)} placeholder={t('sync.export.placeholder')} aria-describedby="sync-export-help" />
        <p id="sync-export-help" className="muted">
          {t('sync.export.help')}
        </p>
        <button type="submit" className="button button--primary" disabled={isRunning || dir.trim() === ''}>
          {isRunning ? t('sync.export.running') : t('sync.export.submit')}
        </button>
      </form>
      <div role="status">
        {exported.result && (
          <div className="message message--info">
            <p>{t('sync.export.done', { count: exported.result.rids.length, dir: exported.result.dir })}</p>
            {exported.result.rids.length > 0 && (
              <ul className="mono">
                {exported.result.rids.map((rid) => (
                  <li key={rid}>{rid}</li>
                ))}
              </ul>
            )}
            {exported.result.skipped.length > 0 && (
              <>
                <p>{t('sync.export.skipped', { count: exported.result.skipped.length })}</p>
                <ul>
                  {exported.result.skipped.map((s) => (
                    <li key={s.rid}>
                      <span className="mono">{s.rid}</span>: {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      {exported.error && <ErrorMessage error={exported.error} />}
    </section>
  );
}
