import { useTranslation } from 'react-i18next';
import { useRegistration } from '../../store/hooks';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { IssueItem } from './IssueItem';

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
