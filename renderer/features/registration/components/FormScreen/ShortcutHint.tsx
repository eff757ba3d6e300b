import { useTranslation } from 'react-i18next';

/** The keyboard shortcuts, always visible under the buttons (operators learn them from here). */
export function ShortcutHint({ hasCapture }: Readonly<{ hasCapture: boolean }>) {
  const { t } = useTranslation();
  return (
    <p className="muted shortcuts" id="shortcut-hint">
      <kbd>Alt</kbd>+<kbd>→</kbd> {t('registration.form.next')} · <kbd>Alt</kbd>+<kbd>←</kbd> {t('registration.form.back')}
      {hasCapture && <> · <kbd>Alt</kbd>+<kbd>C</kbd> {t('registration.biometrics.capture')}</>}
    </p>
  );
}
