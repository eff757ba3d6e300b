import { useShallow } from 'zustand/react/shallow';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { useField } from './useField';

/** MOSIP's button control: a small set of master-data choices, as a radio group (arrow keys move within it). */
export function ButtonGroupField({ field }: Readonly<{ field: UiField }>) {
  const ui = useLabelLanguages();
  const options = useRegistration(useShallow(draftSelectors.options(field.id)));
  const { value, isRequired, issues } = useField(field.id);
  const { setValue } = useRegistrationActions();
  return (
    <fieldset className="field field--buttons" aria-describedby={issuesId(field.id)}>
      <legend className="field__label"><FieldLabel text={pickText(field.label, ui)} isRequired={isRequired} /></legend>
      <div className="segmented">
        {options.map((o) => (
          <label key={o.code} className="segmented__option">
            <input type="radio" name={field.id} value={o.code} checked={value?.type === 'code' && value.code === o.code} onChange={() => setValue(field.id, { type: 'code', code: o.code })} />
            <span>{pickText(o.label, ui)}</span>
          </label>
        ))}
      </div>
      <FieldIssues fieldId={field.id} issues={issues} />
    </fieldset>
  );
}
