import { parseDate, type DateValue } from '@internationalized/date';
import { DateField, DateInput, DateSegment, I18nProvider, Label } from 'react-aria-components';
import { useSession } from '../../session/store/hooks';
import { DATE_LOCALE } from '../../../i18n/resources';
import { sessionSelectors } from '../../session/store/selectors';

/** `YYYY-MM-DD` (the filter's form) to a calendar date; anything else is empty. */
function toDate(value: string): DateValue | null {
  try {
    return value === '' ? null : parseDate(value);
  } catch {
    return null;
  }
}

/**
 * A filter date in the UI language's order (dd/mm/aaaa in Português), not the browser's
 * "mm/dd/yyyy": React Aria's DateField, as the registration form's dates. Gives `YYYY-MM-DD`, or ''
 * when cleared.
 */
export function FilterDateField({ label, value, testId, onChange }: Readonly<{ label: string; value: string; testId: string; onChange: (value: string) => void }>) {
  const language = useSession(sessionSelectors.language);
  return (
    <I18nProvider locale={DATE_LOCALE[language]}>
      <DateField className="approval__date" granularity="day" shouldForceLeadingZeros value={toDate(value)} onChange={(next) => onChange(next ? next.toString() : '')}>
        <Label>{label}</Label>
        <DateInput className="input date-input" dir="ltr" data-testid={testId}>
          {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
        </DateInput>
      </DateField>
    </I18nProvider>
  );
}
