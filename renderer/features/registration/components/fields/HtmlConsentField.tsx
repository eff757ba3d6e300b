import { useTranslation } from 'react-i18next';
import type { UiField } from '../../../../../schemas/uiSpec';

/**
 * MOSIP's `html` control renders the "Registration Consent" template. The form bundle carries no
 * templates yet, so the consent text is one of our translated strings; the field captures nothing.
 */
export function HtmlConsentField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const paragraphs = t('registration.consent.paragraphs', { returnObjects: true }) as unknown;
  return (
    <section className="consent" aria-labelledby={`field-${field.id}-title`}>
      <h2 id={`field-${field.id}-title`} className="consent__title">{t('registration.consent.title')}</h2>
      {Array.isArray(paragraphs) && paragraphs.map((p, n) => <p key={n}>{String(p)}</p>)}
    </section>
  );
}
