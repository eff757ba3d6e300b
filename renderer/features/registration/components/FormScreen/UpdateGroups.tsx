import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';

/** UPDATE UIN: the groups of fields the resident asks to change; only those are shown and sent. */
export function UpdateGroups() {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const groups = useRegistration(useShallow((s) => formSelectors.selectableGroups(s.form).map((g) => g.group)));
  // labels are the spec's own objects, so the shallow comparison holds between renders
  const labels = useRegistration(useShallow((s) => formSelectors.selectableGroups(s.form).map((g) => g.label)));
  const selected = useRegistration((s) => formSelectors.selectedGroups(s.form));
  const { selectGroups } = useRegistrationActions();
  return (
    <fieldset className="choices">
      <legend>{t('registration.form.updateGroups')}</legend>
      {groups.map((group, n) => (
        <label key={group} className="choice">
          <input
            type="checkbox" checked={selected.includes(group)}
            onChange={(e) => selectGroups(e.target.checked ? [...selected, group] : selected.filter((g) => g !== group))}
          />
          <span>{pickText(labels[n], ui) || group}</span>
        </label>
      ))}
    </fieldset>
  );
}
