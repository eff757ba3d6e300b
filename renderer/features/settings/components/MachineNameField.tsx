import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { settingsSelectors, type SettingsStore } from '../store/store';

/**
 * The machine name `tpm/publickey/verify` looks this machine up by (admin-services
 * SyncMasterDataServiceImpl.validateKeyMachineMapping): the supervisor types the name the
 * administrator registered; empty means the host name, as MOSIP's Java client sends. The line below
 * says which name sync uses now and where it comes from, as the main process reports it.
 */
export function MachineNameField({ store, value, onChange }: Readonly<{ store: SettingsStore; value: string | null; onChange: (next: string | null) => void }>) {
  const { t } = useTranslation();
  const effective = useStore(store, settingsSelectors.machineName);
  return (
    <>
      <label htmlFor="set-machine-name">{t('settings.machine.label')}</label>
      <input
        id="set-machine-name"
        type="text"
        dir="ltr"
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value.trim() === '' ? null : e.target.value)}
        aria-describedby="set-machine-name-hint set-machine-name-effective"
      />
      <p id="set-machine-name-hint" className="muted">
        {t('settings.machine.hint')}
      </p>
      <p id="set-machine-name-effective" data-testid="machine-name-effective">
        {effective && (
          <>
            {t('settings.machine.effective', { name: effective.name })} ({t(effective.source === 'settings' ? 'settings.machine.source.settings' : 'settings.machine.source.host name')})
          </>
        )}
      </p>
    </>
  );
}
