import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../../schemas/registrationForm';
import { formSelectors } from '../../store/slices/form/selectors';
import { issueText } from '../fields/issueText';
import { pickText } from '../pickText';
import { useForm } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';

/** One issue: the field's label (a link to its input, with the data-entry language) and what to fix. */
export function IssueItem({ issue }: Readonly<{ issue: FieldIssue }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const field = useForm(formSelectors.field(issue.fieldId));
  return (
    <li>
      <a href={`#field-${issue.fieldId}${issue.language ? `-${issue.language}` : ''}`}>
        {pickText(field?.label, ui) || issue.fieldId}{issue.language ? ` (${t(`language.${issue.language}`, { defaultValue: issue.language })})` : ''}
      </a>
      {': '}{issueText(issue, ui, t)}
    </li>
  );
}
