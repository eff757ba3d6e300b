import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistrationActions } from '../../store/hooks';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { useField } from './useField';

/** A checkbox (consent): checked is a `flag` value; unchecked clears it so "required" applies. */
export function CheckboxField({ field }: Readonly<{ field: UiField }>) {
  const ui = useLabelLanguages();
  const { value, isRequired, issues } = useField(field.id);
  const { setValue } = useRegistrationActions();
  const id = `field-${field.id}`;
  return (
    <div className="field field--checkbox">
      <input
        id={id} type="checkbox" checked={value?.type === 'flag' && value.checked} aria-invalid={issues.length > 0} aria-describedby={issuesId(field.id)} aria-required={isRequired}
        onChange={(e) => setValue(field.id, e.target.checked ? { type: 'flag', checked: true } : null)}
      />
      <label htmlFor={id}><FieldLabel text={pickText(field.label, ui)} isRequired={isRequired} /></label>
      <FieldIssues fieldId={field.id} issues={issues} />
    </div>
  );
}
