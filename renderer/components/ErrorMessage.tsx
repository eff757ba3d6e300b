import { useTranslation } from 'react-i18next';
import { errorTextValues } from '../../schemas/data/errorText';
import type { UiError } from '../features/UiError';

/** Translates an error code with its details; the one place error text is produced. */
export function ErrorMessage({ error, id }: { error: UiError; id?: string }) {
  const { t } = useTranslation();
  const text = t(`errors:${error.code}`, {
    ...errorTextValues(error.details as Record<string, unknown>, (role) => t(`session.roles.${role}`)),
    defaultValue: t('errors:ERR_INTERNAL'),
  });
  return (
    <div className="message message--error" role="alert" id={id} data-error-code={error.code}>
      {text}
    </div>
  );
}
