import { useTranslation } from 'react-i18next';

/** A field's label text with the required marker (a visible asterisk, and the word for screen readers). */
export function FieldLabel({ text, isRequired }: Readonly<{ text: string; isRequired: boolean }>) {
  const { t } = useTranslation();
  return (
    <>
      {text}
      {isRequired && (
        <>
          <span className="field__required" aria-hidden="true"> *</span>
          <span className="visually-hidden"> ({t('registration.form.required')})</span>
        </>
      )}
    </>
  );
}
