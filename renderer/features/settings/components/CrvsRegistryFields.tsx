import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CrvsRegistrySettings } from '../../../../schemas/crvsRegistry';
import { settingsSelectors, type SettingsStore } from '../store/store';
import { registryProblems, type RegistryField } from './registryProblems';
import { WriteOnlySecretField } from './WriteOnlySecretField';

const EMPTY: CrvsRegistrySettings = { searchUrl: '', tokenUrl: '', clientId: '' };
const FIELDS: readonly { field: RegistryField; type: 'url' | 'text'; max: number }[] = [
  { field: 'searchUrl', type: 'url', max: 2000 },
  { field: 'tokenUrl', type: 'url', max: 2000 },
  { field: 'clientId', type: 'text', max: 128 },
];

/**
 * The civil registry (OpenCRVS) a CRVS_NEW draft fetches its birth record from: its search and token
 * addresses and client id, saved with the form, and its write-only secret. Three empty fields mean
 * no registry (the record is typed or read from the QR); each broken rule is named at its field.
 */
export function CrvsRegistryFields({ store, value, onChange, canEdit }: Readonly<{ store: SettingsStore; value: CrvsRegistrySettings | null; onChange: (next: CrvsRegistrySettings | null) => void; canEdit: boolean }>) {
  const { t } = useTranslation();
  const secret = useStore(store, settingsSelectors.crvsRegistrySecret);
  const secretStatus = useStore(store, settingsSelectors.crvsRegistrySecretStatus);
  const secretError = useStore(store, settingsSelectors.crvsRegistrySecretError);
  useEffect(() => {
    void store.getState().loadCrvsRegistrySecret();
  }, [store]);
  const typed = value ?? EMPTY;
  const problems = registryProblems(value);
  const edit = (field: RegistryField, text: string) => {
    const next = { ...typed, [field]: text.trim() };
    onChange(next.searchUrl === '' && next.tokenUrl === '' && next.clientId === '' ? null : next);
  };
  return (
    <div className="settings__group" role="group" aria-labelledby="set-registry-title">
      <h3 id="set-registry-title">{t('settings.crvs.registry.title')}</h3>
      <p className="muted">{t('settings.crvs.registry.hint')}</p>
      {FIELDS.map(({ field, type, max }) => {
        const id = `set-registry-${field}`;
        const rule = problems[field];
        return (
          <div key={field} className="settings__pair">
            <label htmlFor={id}>{t(`settings.crvs.registry.${field}`)}</label>
            <input id={id} type={type} dir="ltr" autoComplete="off" spellCheck={false} maxLength={max} value={typed[field]} onChange={(e) => edit(field, e.target.value)} aria-invalid={rule !== undefined} aria-describedby={rule ? `${id}-problem` : undefined} />
            {rule && (
              <p id={`${id}-problem`} className="message message--error" data-field={field}>
                {t(`settings.crvs.registry.problem.${rule}`, { field: t(`settings.crvs.registry.${field}`) })}
              </p>
            )}
          </div>
        );
      })}
      <WriteOnlySecretField id="set-registry-secret" label={t('settings.crvs.registry.secret')} saveLabel={t('settings.crvs.saveSecret')} stored={secret} status={secretStatus} error={secretError} canEdit={canEdit} onSave={(s) => void store.getState().setCrvsRegistrySecret(s)} />
    </div>
  );
}
