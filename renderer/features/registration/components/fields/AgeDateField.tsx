import { useTranslation } from 'react-i18next';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration, useRegistrationActions } from '../../../../AppStores';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useUiLanguage } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { useField } from './useField';

/** `date` and `ageDate`: a date typed as yyyy/MM/dd (MOSIP's format); `ageDate` also takes an age in years. */
export function AgeDateField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const ui = useUiLanguage();
  const { value, isRequired, issues } = useField(field.id);
  const age = useRegistration((s) => formSelectors.age(s.form));
  const ageGroup = useRegistration((s) => formSelectors.ageGroup(s.form));
  const { setValue, setAge } = useRegistrationActions();
  const id = `field-${field.id}`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className="field field--date">
      <legend className="field__label"><FieldLabel text={pickText(field.label, ui)} isRequired={isRequired} /></legend>
      <div className="field__languages">
        <div className="field__language">
          <label htmlFor={id} className="field__sublabel">{t('registration.form.date')}</label>
          <input
            id={id} className="input" type="text" inputMode="numeric" dir="ltr" placeholder={t('registration.form.datePlaceholder')} autoComplete="off"
            value={value?.type === 'text' ? value.value : ''} aria-invalid={issues.length > 0} aria-describedby={`${hintId} ${issuesId(field.id)}`} aria-required={isRequired}
            onChange={(e) => setValue(field.id, e.target.value === '' ? null : { type: 'text', value: e.target.value })}
          />
          <span id={hintId} className="muted">{t('registration.form.dateHint')}</span>
        </div>
        {field.controlType === 'ageDate' && (
          <div className="field__language">
            <label htmlFor={`${id}-age`} className="field__sublabel">{t('registration.form.age')}</label>
            <input
              id={`${id}-age`} className="input input--short" type="number" min={0} max={200} inputMode="numeric"
              value={age ?? ''} onChange={(e) => setAge(field.id, e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value))))}
            />
            {ageGroup && <span className="muted">{t(`registration.ageGroup.${ageGroup}`, { defaultValue: ageGroup })}</span>}
          </div>
        )}
      </div>
      <FieldIssues fieldId={field.id} issues={issues} />
    </fieldset>
  );
}
