import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CivilRegistrationSettings } from '../../../../schemas/settings';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { settingsSelectors, type SettingsStore } from '../store/store';

/**
 * How civil-registration packets (CRVS_NEW, CRVS_DEATH) reach MOSIP: offline (packet, RID sync,
 * upload) or online (createPacket + workflowinstance with the CRVS client's credentials). The
 * path, app id, client id and source are saved with the form; the secret has its own write-only
 * field: the page is only ever told whether one is stored.
 */
export function CivilRegistrationSection({ store, value, onChange, canEdit }: Readonly<{ store: SettingsStore; value: CivilRegistrationSettings; onChange: (next: CivilRegistrationSettings) => void; canEdit: boolean }>) {
  const { t } = useTranslation();
  const secret = useStore(store, settingsSelectors.crvsSecret);
  const secretStatus = useStore(store, settingsSelectors.crvsSecretStatus);
  const secretError = useStore(store, settingsSelectors.crvsSecretError);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    void store.getState().loadCrvsSecret();
  }, [store]);
  useEffect(() => {
    if (secretStatus === 'saved') setTyped(''); // never kept on the page once stored
  }, [secretStatus]);
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  const online = value.delivery === 'online';
  return (
    <fieldset className="card" disabled={!canEdit}>
      <legend>{t('settings.crvs.title')}</legend>
      <label htmlFor="set-crvs-delivery">{t('settings.crvs.delivery')}</label>
      <select id="set-crvs-delivery" value={value.delivery} onChange={(e) => onChange({ ...value, delivery: e.target.value === 'online' ? 'online' : 'offline' })} aria-describedby="set-crvs-delivery-hint">
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
      <label htmlFor="set-crvs-secret">{t('settings.crvs.secret')}</label>
      <input id="set-crvs-secret" type="password" dir="ltr" autoComplete="new-password" maxLength={256} value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby="set-crvs-secret-state" />
      <p id="set-crvs-secret-state" role="status" data-testid="crvs-secret-state">
        {secret && t(secret.configured ? 'settings.crvs.secretSet' : 'settings.crvs.secretNotSet')}
      </p>
      {canEdit && (
        <button type="button" className="button" disabled={typed === '' || secretStatus === 'saving'} onClick={() => void store.getState().setCrvsSecret(typed)}>
          {t('settings.crvs.saveSecret')}
        </button>
      )}
      {secretError && <ErrorMessage error={secretError} />}
    </fieldset>
  );
}
