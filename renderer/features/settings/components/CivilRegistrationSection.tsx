import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CivilRegistrationSettings } from '../../../../schemas/settings';
import { settingsSelectors, type SettingsStore } from '../store/store';
import { CrvsRegistryFields } from './CrvsRegistryFields';
import { registryIsValid } from './registryProblems';
import { WriteOnlySecretField } from './WriteOnlySecretField';

/**
 * How civil-registration packets (CRVS_NEW, CRVS_DEATH) reach MOSIP: offline (packet, RID sync,
 * upload) or online (createPacket + workflowinstance with the CRVS client's credentials). The
 * path, app id, client id and source are saved with the form; the secret has its own write-only
 * field: the page is only ever told whether one is stored. Online, the civil registry birth records
 * are fetched from is set here too.
 */
export function CivilRegistrationSection({ store, value, onChange, canEdit }: Readonly<{ store: SettingsStore; value: CivilRegistrationSettings; onChange: (next: CivilRegistrationSettings) => void; canEdit: boolean }>) {
  const { t } = useTranslation();
  const secret = useStore(store, settingsSelectors.crvsSecret);
  const secretStatus = useStore(store, settingsSelectors.crvsSecretStatus);
  const secretError = useStore(store, settingsSelectors.crvsSecretError);
  useEffect(() => {
    void store.getState().loadCrvsSecret();
  }, [store]);
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  const online = value.delivery === 'online';
  return (
    <fieldset className="card" disabled={!canEdit}>
      <legend>{t('settings.crvs.title')}</legend>
      <label htmlFor="set-crvs-delivery">{t('settings.crvs.delivery')}</label>
      <select id="set-crvs-delivery" value={value.delivery} onChange={(e) => onChange(withDelivery(value, e.target.value === 'online' ? 'online' : 'offline'))} aria-describedby="set-crvs-delivery-hint">
        <option value="offline">{t('settings.crvs.offline')}</option>
        <option value="online">{t('settings.crvs.online')}</option>
      </select>
      <p id="set-crvs-delivery-hint" className="muted">{t(online ? 'settings.crvs.onlineHint' : 'settings.crvs.offlineHint')}</p>
      <label htmlFor="set-crvs-app">{t('settings.crvs.appId')}</label>
      <input id="set-crvs-app" type="text" dir="ltr" autoComplete="off" spellCheck={false} maxLength={64} value={value.appId ?? ''} onChange={(e) => onChange({ ...value, appId: text(e.target.value) })} />
      <label htmlFor="set-crvs-client">{t('settings.crvs.clientId')}</label>
      <input id="set-crvs-client" type="text" dir="ltr" autoComplete="off" spellCheck={false} maxLength={128} value={value.clientId ?? ''} onChange={(e) => onChange({ ...value, clientId: text(e.target.value) })} />
      <label htmlFor="set-crvs-source">{t('settings.crvs.source')}</label>
      <input id="set-crvs-source" type="text" dir="ltr" autoComplete="off" spellCheck={false} maxLength={32} value={value.source} onChange={(e) => onChange({ ...value, source: e.target.value.trim().toUpperCase() })} />
      <WriteOnlySecretField id="set-crvs-secret" label={t('settings.crvs.secret')} saveLabel={t('settings.crvs.saveSecret')} stored={secret} status={secretStatus} error={secretError} canEdit={canEdit} onSave={(typed) => void store.getState().setCrvsSecret(typed)} />
      {online && <CrvsRegistryFields store={store} value={value.registry} onChange={(registry) => onChange({ ...value, registry })} canEdit={canEdit} />}
    </fieldset>
  );
}

/**
 * Offline, the registry's fields are hidden, so one left half-typed could not be corrected and
 * would stop the form saving: it is dropped; a complete one is kept for when the path is online again.
 */
export function withDelivery(value: CivilRegistrationSettings, delivery: CivilRegistrationSettings['delivery']): CivilRegistrationSettings {
  return { ...value, delivery, registry: delivery === 'offline' && !registryIsValid(value.registry) ? null : value.registry };
}
