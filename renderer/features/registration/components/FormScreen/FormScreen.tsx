import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { formSelectors } from '../../store/slices/form/selectors';
import { FieldControl } from '../fields/FieldControl';
import { pickText } from '../pickText';
import { useFocusOnChange } from '../useFocusOnChange';
import { useForm, useFormShallow } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';
import { AdditionalInfoRequestId } from './AdditionalInfoRequestId';
import { BlockedIssues } from './BlockedIssues';
import { PreRegistrationFetch } from './PreRegistrationFetch';
import { BirthRecordScan } from './BirthRecordScan';
import { BIRTH_RECORD_FIELD } from '../../store/slices/draft/action';
import { ShortcutHint } from './ShortcutHint';
import { StepIndicator } from './StepIndicator';
import { UpdateGroups } from './UpdateGroups';

/** One screen of the process spec, rendered field by field; Alt+→ / Alt+← move between screens. */
export function FormScreen() {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const screen = useForm(formSelectors.currentScreen);
  const screenIndex = useForm(formSelectors.screenIndex);
  const fields = useFormShallow(formSelectors.visibleFields);
  const languages = useFormShallow(formSelectors.languages);
  const canGoBack = useForm(formSelectors.canGoBack);
  const isLast = useForm(formSelectors.isLastScreen);
  const ruleError = useForm(formSelectors.ruleError);
  const isUpdate = useForm(formSelectors.process) === 'UPDATE';
  const isFirstScreen = !canGoBack;
  const error = useRegistration(draftSelectors.error);
  const { next, back, close } = useRegistrationActions();
  const heading = useFocusOnChange<HTMLHeadingElement>(screenIndex);
  const firstBiometrics = fields.find((f) => f.controlType === 'biometrics')?.id;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
      e.preventDefault();
      void (e.key === 'ArrowRight' ? next() : back());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, back]);

  if (!screen) return null;
  return (
    <main id="main" className="registration" aria-labelledby="screen-heading">
      <StepIndicator />
      <div className="registration__bar">
        <h1 id="screen-heading" ref={heading} tabIndex={-1}>{pickText(screen.label, ui)}</h1>
        <span className="muted">{t('registration.form.dataLanguages', { languages: languages.map((l) => t(`language.${l}`, { defaultValue: l })).join(' · ') })}</span>
      </div>
      {ruleError && <ErrorMessage error={ruleError} />}
      {error && <ErrorMessage error={error} />}
      {screen.preRegFetchRequired === true && <PreRegistrationFetch />}
      {screen.fields.some((f) => f.id === BIRTH_RECORD_FIELD) && <BirthRecordScan />}
      <form
        className="card form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void next();
        }}
      >
        {isUpdate && isFirstScreen && <UpdateGroups />}
        {screen.additionalInfoRequestIdRequired === true && <AdditionalInfoRequestId />}
        <div className="form__fields">
          {fields.map((f) => <FieldControl key={f.id} field={f} isFirstBiometrics={f.id === firstBiometrics} />)}
        </div>
        <BlockedIssues />
        <div className="form__nav">
          <button type="button" className="button" onClick={() => void close()}>{t('registration.form.saveAndClose')}</button>
          <span className="topbar__spacer" />
          <button type="button" className="button" disabled={!canGoBack} onClick={() => void back()} aria-keyshortcuts="Alt+ArrowLeft">{t('registration.form.back')}</button>
          <button type="submit" className="button button--primary" aria-keyshortcuts="Alt+ArrowRight">{isLast ? t('registration.form.toPreview') : t('registration.form.next')}</button>
        </div>
        <ShortcutHint hasCapture={firstBiometrics !== undefined} />
      </form>
    </main>
  );
}
