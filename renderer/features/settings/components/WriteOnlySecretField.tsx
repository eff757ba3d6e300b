import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrvsClientSecretStatus } from '../../../../schemas/settings';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { UiError } from '../../UiError';
import type { SecretSaveStatus } from '../store/store';

/**
 * A secret the page may set but never read back (the CRVS client's, the civil registry's): the main
 * process only answers whether one is stored, and what was typed is cleared once it is.
 */
export function WriteOnlySecretField({ id, label, saveLabel, stored, status, error, canEdit, onSave }: Readonly<{ id: string; label: string; saveLabel: string; stored: CrvsClientSecretStatus | null; status: SecretSaveStatus; error: UiError | null; canEdit: boolean; onSave: (secret: string) => void }>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (status === 'saved') setTyped(''); // never kept on the page once stored
  }, [status]);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" dir="ltr" autoComplete="new-password" maxLength={256} value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={`${id}-state`} />
      <p id={`${id}-state`} role="status" data-testid={`${id}-state`}>
        {stored && t(stored.configured ? 'settings.crvs.secretSet' : 'settings.crvs.secretNotSet')}
      </p>
      {canEdit && (
        <button type="button" className="button" disabled={typed === '' || status === 'saving'} onClick={() => onSave(typed)}>
          {saveLabel}
        </button>
      )}
      {error && <ErrorMessage error={error} />}
    </>
  );
}
