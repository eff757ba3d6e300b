import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { useField } from './useField';

/** A master-data dropdown, in the operator's language; location levels follow the level above. */
export function DropdownField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const options = useRegistration(useShallow(draftSelectors.options(field.id)));
  const { value, isRequired, issues } = useField(field.id);
  const { setValue } = useRegistrationActions();
  const id = `field-${field.id}`;
  const current = value?.type === 'code' && options.some((o) => o.code === value.code) ? value.code : '';
  return (
    <div className="field">
      <label htmlFor={id} className="field__label"><FieldLabel text={pickText(field.label, ui)} isRequired={isRequired} /></label>
      <select
        id={id} className="input" value={current} aria-invalid={issues.length > 0} aria-describedby={issuesId(field.id)} aria-required={isRequired}
        onChange={(e) => setValue(field.id, e.target.value === '' ? null : { type: 'code', code: e.target.value })}
      >
        <option value="">{options.length === 0 ? t('registration.form.chooseAbove') : t('registration.form.choose')}</option>
        {options.map((o) => <option key={o.code} value={o.code}>{pickText(o.label, ui)}</option>)}
      </select>
      <FieldIssues fieldId={field.id} issues={issues} />
    </div>
  );
}
