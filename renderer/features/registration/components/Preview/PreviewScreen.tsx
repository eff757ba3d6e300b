import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { formSelectors } from '../../store/slices/form/selectors';
import { submitSelectors } from '../../store/slices/submit/selectors';
import { IssueItem } from '../FormScreen/IssueItem';
import { StepIndicator } from '../FormScreen/StepIndicator';
import { pickText } from '../pickText';
import { useFocusOnChange } from '../useFocusOnChange';
import { useForm, useFormShallow } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';
import { OperatorAuthDialog } from './OperatorAuthDialog';
import { PreviewField } from './PreviewField';

/**
 * Everything entered, screen by screen with "Edit" links; submit after the operator confirms the
 * data was read back, then authenticates (MOSIP `packet_auth`) in a dialog.
 */
export function PreviewScreen() {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const screens = useForm(formSelectors.screens);
  const shown = useFormShallow(formSelectors.shownScreenIndexes);
  const visible = useRegistration((s) => s.form.visible);
  const status = useRegistration(submitSelectors.status);
  const issues = useRegistration(submitSelectors.issues);
  const error = useRegistration(submitSelectors.error);
  const canSubmit = useRegistration(submitSelectors.canSubmit);
  const { goTo, requestSubmit, back } = useRegistrationActions();
  const [isConfirmed, setConfirmed] = useState(false);
  const heading = useFocusOnChange<HTMLHeadingElement>('preview');

  return (
    <main id="main" className="registration" aria-labelledby="preview-heading">
      <StepIndicator isPreview />
      <div className="registration__bar">
        <h1 id="preview-heading" ref={heading} tabIndex={-1}>{t('registration.preview.heading')}</h1>
      </div>
      {status === 'validating' && <p role="status">{t('registration.preview.validating')}</p>}
      {error && <ErrorMessage error={error} />}
      {issues.length > 0 && (
        <div className="message message--error" role="alert">
          <p>{t('registration.form.blocked', { count: issues.length })}</p>
          <ul>{issues.map((issue, n) => <IssueItem key={`${issue.fieldId}-${n}`} issue={issue} />)}</ul>
        </div>
      )}
      {shown.map((index) => screens[index]!).map((screen, n) => (
        <section key={screen.name} className="card preview__section" aria-labelledby={`preview-${screen.name}`}>
          <div className="registration__bar">
            <h2 id={`preview-${screen.name}`}>{pickText(screen.label, ui)}</h2>
            <button type="button" className="button button--small" aria-label={t('registration.preview.editNamed', { screen: pickText(screen.label, ui) })} onClick={() => void goTo(shown[n]!)}>
              {t('registration.preview.edit')}
            </button>
          </div>
          <dl className="preview__list">{screen.fields.filter((f) => visible[f.id]).map((f) => <PreviewField key={f.id} field={f} />)}</dl>
        </section>
      ))}
      <form
        className="card preview__submit"
        onSubmit={(e) => {
          e.preventDefault();
          if (isConfirmed) requestSubmit();
        }}
      >
        <div className="field field--checkbox">
          <input id="preview-confirm" type="checkbox" checked={isConfirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <label htmlFor="preview-confirm">{t('registration.preview.confirm')}</label>
        </div>
        <div className="form__nav">
          <button type="button" className="button" onClick={() => void back()}>{t('registration.form.back')}</button>
          <span className="topbar__spacer" />
          <button type="submit" className="button button--primary" disabled={!canSubmit || !isConfirmed}>{t('registration.preview.submit')}</button>
        </div>
      </form>
      <OperatorAuthDialog />
    </main>
  );
}
