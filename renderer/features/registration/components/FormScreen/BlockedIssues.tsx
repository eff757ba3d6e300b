import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../../schemas/registrationForm';
import { useRegistration } from '../../../../AppStores';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useForm } from '../useFormState';
import { useUiLanguage } from '../useUiLanguage';

function IssueItem({ issue }: Readonly<{ issue: FieldIssue }>) {
  const { t } = useTranslation();
  const ui = useUiLanguage();
  const field = useForm(formSelectors.field(issue.fieldId));
  return (
    <li>
      <a href={`#field-${issue.fieldId}${issue.language ? `-${issue.language}` : ''}`}>
        {pickText(field?.label, ui) || issue.fieldId}{issue.language ? ` (${t(`language.${issue.language}`, { defaultValue: issue.language })})` : ''}
      </a>
      {': '}{pickText(issue.message, ui)}
    </li>
  );
}

/** Why "Next" did not move: each issue names its field (a link to it) and says what to fix. */
export function BlockedIssues() {
  const { t } = useTranslation();
  const issues = useRegistration(draftSelectors.blockedIssues);
  if (issues.length === 0) return null;
  return (
    <div className="message message--error blocked" role="alert" data-testid="blocked-issues">
      <p>{t('registration.form.blocked', { count: issues.length })}</p>
      <ul>{issues.map((issue, n) => <IssueItem key={`${issue.fieldId}-${issue.language ?? ''}-${n}`} issue={issue} />)}</ul>
    </div>
  );
}
