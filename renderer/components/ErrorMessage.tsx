import { useTranslation } from 'react-i18next';
import type { UiError } from '../features/UiError';

/** Translates an error code with its details; the one place error text is produced. */
export function ErrorMessage({ error, id }: { error: UiError; id?: string }) {
  const { t } = useTranslation();
  const details = error.details as Record<string, unknown>;
  const issues = Array.isArray(details.issues) ? (details.issues as { path: string; message: string }[]) : [];
  const roles = Array.isArray(details.requiredRoles) ? (details.requiredRoles as string[]) : [];
  const text = t(`errors:${error.code}`, {
    ...details,
    issuesText: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    requiredRoles: roles.map((r) => t(`session.roles.${r}`)).join(', '),
    defaultValue: t('errors:ERR_INTERNAL'),
  });
  return (
    <div className="message message--error" role="alert" id={id} data-error-code={error.code}>
      {text}
    </div>
  );
}
