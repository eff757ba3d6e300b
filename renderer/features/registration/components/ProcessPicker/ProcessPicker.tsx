import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { RegistrationProcess } from '../../../../../schemas/registration';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { pickText } from '../pickText';
import { useFocusOnChange } from '../useFocusOnChange';
import { useUiLanguage } from '../useUiLanguage';
import { DraftsList } from './DraftsList';
import { SubmissionCard } from './SubmissionCard';

/** Data-entry languages offered (MOSIP mandatory + optional languages); Portuguese and English by default. */
const DATA_LANGUAGES = ['por', 'eng', 'fra'] as const;
const DEFAULT_LANGUAGES: readonly string[] = ['por', 'eng'];

/** Choose the process and the resident's data-entry languages, or resume a draft. */
export function ProcessPicker() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const processes = useRegistration(useShallow(draftSelectors.processes));
  const bundleStatus = useRegistration(draftSelectors.bundleStatus);
  const busy = useRegistration(draftSelectors.busy);
  const error = useRegistration(draftSelectors.error);
  const { start, close } = useRegistrationActions();
  const [process, setProcess] = useState<RegistrationProcess>('NEW');
  const [languages, setLanguages] = useState<readonly string[]>(DEFAULT_LANGUAGES);
  const heading = useFocusOnChange<HTMLHeadingElement>('picker');

  const toggle = (code: string, checked: boolean) =>
    setLanguages((current) => DATA_LANGUAGES.filter((l) => (l === code ? checked : current.includes(l))));

  return (
    <main id="main" className="registration" aria-labelledby="picker-heading">
      <div className="registration__bar">
        <h1 id="picker-heading" ref={heading} tabIndex={-1}>{t('registration.picker.heading')}</h1>
        <button type="button" className="button" onClick={() => void close()}>{t('registration.backHome')}</button>
      </div>
      {error && <ErrorMessage error={error} />}
      <SubmissionCard />
      <form
        className="card picker"
        onSubmit={(e) => {
          e.preventDefault();
          void start(process, languages);
        }}
      >
        {bundleStatus === 'loading' && <p role="status">{t('common.loading')}</p>}
        <fieldset className="choices">
          <legend>{t('registration.picker.process')}</legend>
          {processes.map((p) => (
            <label key={p.id} className="choice">
              <input type="radio" name="process" value={p.id} checked={process === p.id} onChange={() => setProcess(p.id)} />
              <span>{pickText(p.label, language) || t(`registration.process.${p.id}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>{t('registration.picker.languages')}</legend>
          <p className="muted" id="languages-hint">{t('registration.picker.languagesHint')}</p>
          {DATA_LANGUAGES.map((code) => (
            <label key={code} className="choice">
              <input type="checkbox" aria-describedby="languages-hint" checked={languages.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
              <span>{t(`language.${code}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy || languages.length === 0 || processes.length === 0}>
          {t('registration.picker.start')}
        </button>
      </form>
      <DraftsList />
    </main>
  );
}
