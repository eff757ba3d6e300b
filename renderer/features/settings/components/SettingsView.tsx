import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AppSettings } from '../../../../schemas/settings';
import { LanguageCode } from '../../../../schemas/operators';
import { serverUrlProblem } from '../../../../schemas/serverUrl';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { UiError } from '../../UiError';
import { settingsSelectors, type SettingsStore } from '../store/store';
import { MachineNameField } from './MachineNameField';
import { BackupSection } from './BackupSection';
import { CivilRegistrationSection } from './CivilRegistrationSection';
import { registryIsValid } from './registryProblems';
import { TrustAnchorsSection } from './TrustAnchorsSection';

type Group = 'finger' | 'iris' | 'face';
const GROUPS: readonly Group[] = ['finger', 'iris', 'face'];

/** Device, serial, server and language settings and the device certificates; supervisors change them, everyone sees them. */
export function SettingsView({ store, canEdit }: Readonly<{ store: SettingsStore; canEdit: boolean }>) {
  const { t } = useTranslation();
  const saved = useStore(store, settingsSelectors.saved);
  const status = useStore(store, settingsSelectors.status);
  const error = useStore(store, settingsSelectors.error);
  // From the store at once when it is already loaded (the effect below keeps it in step)
  const [draft, setDraft] = useState<AppSettings | null>(saved);

  useEffect(() => {
    void store.getState().load();
  }, [store]);
  useEffect(() => setDraft(saved), [saved]);

  if (!draft) {
    return (
      <main id="main">
        <h1>{t('settings.heading')}</h1>
        {error ? <ErrorMessage error={error} /> : <p role="status">{t('common.loading')}</p>}
      </main>
    );
  }
  const serverRefused = storedServerRefusal(saved);
  const devices = (change: Partial<AppSettings['devices']>) => setDraft({ ...draft, devices: { ...draft.devices, ...change } });
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // a broken registry field already says why at the field; the main process would refuse it in English
    if (!registryIsValid(draft.civilRegistration.registry)) return;
    void store.getState().save(draft);
  };
  return (
    <main id="main" className="settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      {!canEdit && <p className="muted">{t('settings.readOnly')}</p>}
      {/* data-status: what the screen waits on (a reload replaces unsaved edits), for tests and tools */}
      <form onSubmit={submit} className="settings__form" data-status={status} aria-busy={status === 'loading' || status === 'saving'}>
        <fieldset className="card" disabled={!canEdit}>
          <legend>{t('settings.devices.title')}</legend>
          <label htmlFor="set-port-from">{t('settings.devices.portFrom')}</label>
          <input id="set-port-from" type="number" value={draft.devices.portFrom} onChange={(e) => devices({ portFrom: number(e.target.value) })} />
          <label htmlFor="set-port-to">{t('settings.devices.portTo')}</label>
          <input id="set-port-to" type="number" value={draft.devices.portTo} onChange={(e) => devices({ portTo: number(e.target.value) })} />
          <label htmlFor="set-hash-chain">{t('settings.devices.hashChain')}</label>
          <select id="set-hash-chain" value={draft.devices.hashChainPolicy} onChange={(e) => devices({ hashChainPolicy: e.target.value === 'warn' ? 'warn' : 'strict' })}>
            <option value="strict">{t('settings.devices.strict')}</option>
            <option value="warn">{t('settings.devices.warn')}</option>
          </select>
          {GROUPS.map((group) => (
            <div key={group} className="settings__pair">
              <label htmlFor={`set-threshold-${group}`}>{t(`settings.devices.threshold.${group}`)}</label>
              <input id={`set-threshold-${group}`} type="number" value={draft.devices.thresholds[group]} onChange={(e) => devices({ thresholds: { ...draft.devices.thresholds, [group]: number(e.target.value) } })} />
              <label htmlFor={`set-attempts-${group}`}>{t(`settings.devices.attempts.${group}`)}</label>
              <input id={`set-attempts-${group}`} type="number" value={draft.devices.attempts[group]} onChange={(e) => devices({ attempts: { ...draft.devices.attempts, [group]: number(e.target.value) } })} />
            </div>
          ))}
        </fieldset>
        <fieldset className="card" disabled={!canEdit}>
          <legend>{t('settings.other.title')}</legend>
          <label htmlFor="set-scanner">{t('settings.other.scanner')}</label>
          <input id="set-scanner" type="text" dir="ltr" value={draft.scannerPort ?? ''} onChange={(e) => setDraft({ ...draft, scannerPort: e.target.value.trim() || null })} />
          <label htmlFor="set-gps">{t('settings.other.gps')}</label>
          <input id="set-gps" type="text" dir="ltr" value={draft.gpsPort ?? ''} onChange={(e) => setDraft({ ...draft, gpsPort: e.target.value.trim() || null })} />
          <label htmlFor="set-server">{t('settings.other.server')}</label>
          <input id="set-server" type="url" dir="ltr" value={draft.serverUrl ?? ''} onChange={(e) => setDraft({ ...draft, serverUrl: e.target.value.trim() || null })} aria-describedby={serverRefused ? 'set-server-hint set-server-refused' : 'set-server-hint'} />
          <p id="set-server-hint" className="muted">{t('settings.other.serverHint')}</p>
          {serverRefused && <ErrorMessage error={serverRefused} id="set-server-refused" />}
          <MachineNameField store={store} value={draft.machineName} onChange={(machineName) => setDraft({ ...draft, machineName })} />
          <label htmlFor="set-language">{t('settings.other.language')}</label>
          <select id="set-language" value={draft.defaultLanguage} onChange={(e) => setDraft({ ...draft, defaultLanguage: LanguageCode.parse(e.target.value) })}>
            {LanguageCode.options.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset className="card" disabled={!canEdit}>
          <legend>{t('settings.registration.title')}</legend>
          {/* MOSIP reviewer_authentication_configuration: a supervisor reviews biometric exceptions */}
          <label htmlFor="set-reviewer">
            <input id="set-reviewer" type="checkbox" checked={draft.reviewerAuthentication} onChange={(e) => setDraft({ ...draft, reviewerAuthentication: e.target.checked })} aria-describedby="set-reviewer-hint" />{' '}
            {t('settings.registration.reviewer')}
          </label>
          <p id="set-reviewer-hint" className="muted">{t('settings.registration.reviewerHint')}</p>
          {/* issue 17: new registrations stop before the disk is full, not when a build meets it */}
          <label htmlFor="set-min-free">{t('settings.registration.minFreeDisk')}</label>
          <input id="set-min-free" type="number" min={20} value={draft.minFreeDiskMb} onChange={(e) => setDraft({ ...draft, minFreeDiskMb: number(e.target.value) })} aria-describedby="set-min-free-hint" />
          <p id="set-min-free-hint" className="muted">{t('settings.registration.minFreeDiskHint')}</p>
        </fieldset>
        <CivilRegistrationSection store={store} value={draft.civilRegistration} onChange={(civilRegistration) => setDraft({ ...draft, civilRegistration })} canEdit={canEdit} />
        {error && <ErrorMessage error={error} />}
        {status === 'saved' && (
          <p role="status" className="message message--info">
            {t('settings.saved')}
          </p>
        )}
        {canEdit && (
          <button type="submit" className="button button--primary" disabled={status === 'saving'}>
            {t('settings.save')}
          </button>
        )}
      </form>
      <TrustAnchorsSection store={store} canEdit={canEdit} />
      {/* backups are a supervisor's: the contract refuses their status to anyone else */}
      {canEdit && <BackupSection store={store} />}
    </main>
  );
}

/**
 * A stored address saved before the https rule: kept (not wiped) but never used, so sync fails
 * with this code; the supervisor sees why here, next to the field where it is fixed.
 */
function storedServerRefusal(saved: AppSettings | null): UiError | null {
  const url = saved?.serverUrl ?? null;
  const rule = url === null ? undefined : serverUrlProblem(url);
  return rule ? { code: 'ERR_SYNC_SERVER_URL_INSECURE', details: { field: 'serverUrl', url, rule } } : null;
}
