import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../../schemas/registrationForm';
import { useLabelLanguages } from '../useUiLanguage';
import { issueText } from './issueText';

/** Id of the element listing a field's issues (for one data-entry language when given), for aria-describedby. */
export function issuesId(fieldId: string, language?: string): string {
  return language ? `field-${fieldId}-${language}-issues` : `field-${fieldId}-issues`;
}

/** The validator messages of one field (or one of its languages), in the operator's language. */
export function FieldIssues({ fieldId, issues, language }: Readonly<{ fieldId: string; issues: readonly FieldIssue[]; language?: string }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const shown = issues.filter((i) => (language ? i.language === language : true));
  return (
    <div id={issuesId(fieldId, language)} className="field__issues" aria-live="polite">
      {shown.map((issue, n) => (
        <p key={`${issue.rule}-${issue.language ?? ''}-${n}`} className="field__issue" data-rule={issue.rule}>
          {issue.language && !language ? `${t(`language.${issue.language}`, { defaultValue: issue.language })}: ` : ''}
          {issueText(issue, ui, t)}
        </p>
      ))}
    </div>
  );
}
