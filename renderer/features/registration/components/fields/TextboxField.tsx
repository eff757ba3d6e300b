import { useTranslation } from 'react-i18next';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { formSelectors } from '../../store/slices/form/selectors';
import { languageAttributes, pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { useField } from './useField';

/** A text field: one input per data-entry language, side by side, for `simpleType` fields (MOSIP captures each language). */
export function TextboxField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const languages = useRegistration((s) => formSelectors.languages(s.form));
  const { value, isRequired, issues } = useField(field.id);
  const { setValue, setLocalizedText } = useRegistrationActions();
  const label = pickText(field.label, ui);

  if (field.type !== 'simpleType') {
    const id = `field-${field.id}`;
    return (
      <div className="field">
        <label htmlFor={id} className="field__label"><FieldLabel text={label} isRequired={isRequired} /></label>
        <input
          id={id} className="input" type={field.subType === 'email' ? 'email' : field.subType === 'phone' ? 'tel' : 'text'} dir="ltr"
          value={value?.type === 'text' ? value.value : ''} aria-invalid={issues.length > 0} aria-describedby={issuesId(field.id)} aria-required={isRequired}
          onChange={(e) => setValue(field.id, e.target.value === '' ? null : { type: 'text', value: e.target.value })}
        />
        <FieldIssues fieldId={field.id} issues={issues} />
      </div>
    );
  }
  return (
    <fieldset className="field field--localized">
      <legend className="field__label"><FieldLabel text={label} isRequired={isRequired} /></legend>
      <div className="field__languages">
        {languages.map((language) => {
          const id = `field-${field.id}-${language}`;
          return (
            <div key={language} className="field__language">
              <label htmlFor={id} className="field__sublabel">{t(`language.${language}`, { defaultValue: language })}</label>
              <input
                id={id} className="input" type="text" {...languageAttributes(language)}
                value={value?.type === 'localized' ? (value.values[language] ?? '') : ''}
                aria-invalid={issues.some((i) => i.language === language || !i.language)} aria-describedby={`${issuesId(field.id, language)} ${issuesId(field.id)}`} aria-required={isRequired}
                onChange={(e) => setLocalizedText(field.id, language, e.target.value)}
              />
              <FieldIssues fieldId={field.id} issues={issues} language={language} />
            </div>
          );
        })}
      </div>
      <FieldIssues fieldId={field.id} issues={issues.filter((i) => !i.language)} />
    </fieldset>
  );
}
