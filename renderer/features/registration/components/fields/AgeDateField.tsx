import { useEffect, useState } from 'react';
import { CalendarDate, type DateValue } from '@internationalized/date';
import { DateField, DateInput, DateSegment, I18nProvider, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../../../../schemas/operators';
import type { UiField } from '../../../../../schemas/uiSpec';
import { formatMosipDate, parseMosipDate, today } from '../../../../../schemas/rules/ageGroups';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { DATE_LOCALE } from '../../../../i18n/resources';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useLabelLanguages, useUiLanguage } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { useField } from './useField';

/** A year with fewer digits is still being typed. */
const MIN_TYPED_YEAR = 1000;

/**
 * `date` and `ageDate`: React Aria's DateField, one segment each for day, month and year in the
 * UI language's order (17/05/1990 in Português), typed or stepped with the arrow keys; the store
 * keeps MOSIP's yyyy/MM/dd. `ageDate` also takes an age in years.
 */
export function AgeDateField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const ui = useUiLanguage();
  const labelLanguages = useLabelLanguages();
  const { value, isRequired, issues } = useField(field.id);
  const age = useRegistration((s) => formSelectors.age(s.form));
  const ageGroup = useRegistration((s) => formSelectors.ageGroup(s.form));
  const now = useRegistration((s) => s.form.now);
  const { setValue, setAge } = useRegistrationActions();
  const id = `field-${field.id}`;
  const hintId = `${id}-hint`;
  const storedText = value?.type === 'text' ? value.value : '';
  // The field's own state holds what is typed; the store gets a date only once it is whole. A
  // value that changes from outside (prefill, resume, an age typed) replaces it.
  const [date, setDate] = useState<DateValue | null>(() => toCalendarDate(storedText));
  useEffect(() => {
    setDate((current) => (current && formatMosipDate(current) === storedText) || (!current && storedText === '') ? current : toCalendarDate(storedText));
  }, [storedText]);
  const language = LanguageCode.safeParse(ui);
  const todayDate = today(new Date(now));
  return (
    <fieldset className="field field--date">
      <legend className="field__label"><FieldLabel text={pickText(field.label, labelLanguages)} isRequired={isRequired} /></legend>
      <div className="field__languages">
        <I18nProvider locale={language.success ? DATE_LOCALE[language.data] : 'pt-ST'}>
          <DateField
            id={id} className="field__language" granularity="day" shouldForceLeadingZeros
            value={date}
            maxValue={field.controlType === 'ageDate' ? new CalendarDate(todayDate.year, todayDate.month, todayDate.day) : undefined}
            isInvalid={issues.length > 0} isRequired={isRequired} validationBehavior="aria"
            aria-describedby={`${hintId} ${issuesId(field.id)}`}
            onChange={(next) => {
              setDate(next);
              // typing the year digit by digit makes years 2, 20 and 202 on the way to 2026: those
              // stay in the field and never reach the store, which would refuse and clear them
              if (next && next.year < MIN_TYPED_YEAR) return;
              const text = next ? formatMosipDate(next) : '';
              if (text !== storedText) setValue(field.id, next ? { type: 'text', value: text } : null);
            }}
          >
            <Label className="field__sublabel">{t('registration.form.date')}</Label>
            <DateInput className="input date-input" dir="ltr" data-testid={`${id}-input`}>
              {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
            </DateInput>
            <span id={hintId} className="muted">{t('registration.form.dateHint')}</span>
          </DateField>
        </I18nProvider>
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

function toCalendarDate(text: string): CalendarDate | null {
  const parsed = text === '' ? undefined : parseMosipDate(text);
  return parsed ? new CalendarDate(parsed.year, parsed.month, parsed.day) : null;
}
