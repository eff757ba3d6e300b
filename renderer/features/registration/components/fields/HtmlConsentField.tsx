import { useTranslation } from 'react-i18next';
import { templateParagraphs } from '../../../../../schemas/rules/templateText';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration } from '../../store/hooks';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { formSelectors } from '../../store/slices/form/selectors';
import { languageAttributes } from '../pickText';
import { FieldIssues, issuesId } from './FieldIssues';
import { useField } from './useField';

/**
 * MOSIP's `html` control: the synced template named by `templateName` (MOSIP matches it against
 * `templateTypeCode`, e.g. `reg-consent-template`), shown in every data-entry language, as plain
 * text (never the server's HTML). A language the server sent no template for says so; the
 * field's `TEMPLATE_MISSING` issue then blocks the screen (schemas/rules/validateField).
 */
export function HtmlConsentField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const text = useRegistration(draftSelectors.templateText(field.templateName));
  const languages = useRegistration((s) => formSelectors.languages(s.form));
  const { issues } = useField(field.id);
  const titleId = `field-${field.id}-title`;
  return (
    <section className="consent" aria-labelledby={titleId} aria-describedby={issuesId(field.id)}>
      <h2 id={titleId} className="consent__title">{t('registration.consent.title')}</h2>
      {languages.map((language) => {
        const paragraphs = templateParagraphs(text?.[language] ?? '');
        return (
          <section key={language} className="consent__language" data-testid={`consent-${language}`} aria-label={t(`language.${language}`, { defaultValue: language })}>
            <h3 className="consent__language-name">{t(`language.${language}`, { defaultValue: language })}</h3>
            {paragraphs.length > 0
              ? <div {...languageAttributes(language)}>{paragraphs.map((p, n) => <p key={n}>{p}</p>)}</div>
              : <p className="field__issue" role="alert">{t('registration.consent.missing', { language: t(`language.${language}`, { defaultValue: language }) })}</p>}
          </section>
        );
      })}
      <FieldIssues fieldId={field.id} issues={issues} />
    </section>
  );
}
