import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';
import { formatSize } from '../../../common/formatSize';
import { useLocale } from '../../../common/useLocale';

/**
 * Where an export can go, without typing a path: the USB drives mounted now (with their free
 * space), refreshed on demand, and in the desktop app the OS folder picker. Choosing one fills the
 * folder box, which stays for any other folder.
 */
export function ExportDrives({ store, dir, onChoose }: Readonly<{ store: SyncStore; dir: string; onChoose: (dir: string) => void }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, targets, error } = useStore(store, syncSelectors.exportTargets);
  useEffect(() => {
    void store.getState().loadExportTargets();
  }, [store]);
  const drives = targets?.drives ?? [];
  return (
    <div className="sync__export-targets">
      <fieldset>
        <legend>{t('sync.export.drives')}</legend>
        {status === 'done' && drives.length === 0 && <p className="muted" data-testid="export-no-drives">{t('sync.export.drivesNone')}</p>}
        {drives.map((drive) => (
          <label key={drive.path} className="sync__export-drive">
            <input type="radio" name="export-drive" value={drive.path} checked={dir === drive.path} onChange={() => onChoose(drive.path)} />
            <span>{t('sync.export.driveOption', { label: drive.label, free: formatSize(drive.freeBytes, locale), total: formatSize(drive.totalBytes, locale) })}</span>
            <span className="mono muted" dir="ltr"> {drive.path}</span>
          </label>
        ))}
        <button type="button" className="button" disabled={status === 'running'} onClick={() => void store.getState().loadExportTargets()}>
          {t('sync.export.refresh')}
        </button>
        {targets?.canPickFolder && (
          <button
            type="button" className="button" data-testid="export-pick-folder"
            onClick={async () => {
              const picked = await store.getState().pickExportFolder();
              if (picked) onChoose(picked);
            }}
          >
            {t('sync.export.pickFolder')}
          </button>
        )}
      </fieldset>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
