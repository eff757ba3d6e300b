import type { FieldIssue, FormFieldValue } from '../../../../../schemas/registrationForm';
import { useRegistration } from '../../store/hooks';
import { formSelectors } from '../../store/slices/form/selectors';

/** What every control reads for its field: value, required flag and the issues to show. */
export function useField(fieldId: string): { value: FormFieldValue | undefined; isRequired: boolean; issues: readonly FieldIssue[] } {
  const value = useRegistration((s) => formSelectors.value(fieldId)(s.form));
  const isRequired = useRegistration((s) => formSelectors.isRequired(fieldId)(s.form));
  const issues = useRegistration((s) => formSelectors.issuesFor(fieldId)(s.form));
  return { value, isRequired, issues };
}
