import { useTranslation } from 'react-i18next';
import { useRegistrationActions } from '../../store/hooks';
import { ADDITIONAL_INFO_FIELD } from '../../store/slices/form/reducer';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useForm, useFormShallow } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';

/**
 * The "Additional info request ID" box MOSIP's client adds to a screen whose spec has
 * `additionalInfoRequestIdRequired` (registration-client GenericController#getAdditionalInfoRequestIdComponent):
 * the id the server sent with its request for a biometric correction, `<RID>-<process>-<n>`.
 */
export function AdditionalInfoRequestId() {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const value = useForm(formSelectors.additionalInfoReqId);
  const issues = useFormShallow(formSelectors.issuesFor(ADDITIONAL_INFO_FIELD));
  const { setAdditionalInfoReqId } = useRegistrationActions();
  return (
    <div className="field">
      <label htmlFor="additional-info-request-id" className="field__label">{t('registration.additionalInfo.label')}</label>
      <input
        id="additional-info-request-id" className="input" type="text" dir="ltr" autoComplete="off" maxLength={80}
        value={value} aria-invalid={issues.length > 0} aria-describedby="additional-info-hint additional-info-issues"
        onChange={(e) => setAdditionalInfoReqId(e.target.value)}
      />
      <p id="additional-info-hint" className="muted">{t('registration.additionalInfo.hint')}</p>
      <div id="additional-info-issues">
        {issues.map((issue) => <p key={issue.rule} className="message message--error" role="alert">{pickText(issue.message, ui)}</p>)}
      </div>
    </div>
  );
}
