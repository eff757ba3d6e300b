import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { draftSelectors } from '../../store/slices/draft/selectors';

/**
 * The "Pre-registration ID" box MOSIP shows on a screen whose spec has `preRegFetchRequired`:
 * type or scan the PRID, Enter (or Fetch) fills the form from the application. Its own form, so
 * Enter here fetches instead of moving to the next screen.
 */
export function PreRegistrationFetch() {
  const { t } = useTranslation();
  const { prid, status, applied, error } = useRegistration(draftSelectors.preRegistration);
  const { setPrid, applyPreRegistration } = useRegistrationActions();
  const isFetching = status === 'fetching';
  return (
    <form
      className="card form prereg"
      role="search"
      aria-labelledby="prereg-label"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void applyPreRegistration();
      }}
    >
      <div className="field">
        <label id="prereg-label" htmlFor="prereg-id" className="field__label">{t('registration.preRegistration.label')}</label>
        <div className="prereg__row">
          <input
            id="prereg-id" className="input" type="text" inputMode="numeric" dir="ltr" autoComplete="off" maxLength={64}
            value={prid} aria-invalid={status === 'failed'} aria-describedby="prereg-hint prereg-message"
            onChange={(e) => setPrid(e.target.value)}
          />
          <button type="submit" className="button" disabled={isFetching || prid.trim() === ''} aria-busy={isFetching}>
            {isFetching ? t('registration.preRegistration.fetching') : t('registration.preRegistration.fetch')}
          </button>
        </div>
        <p id="prereg-hint" className="muted">{t('registration.preRegistration.hint')}</p>
        <div id="prereg-message">
          {error && <ErrorMessage error={error} />}
          {status === 'done' && applied && (
            <p className="message message--success" role="status">
              {t(applied.source === 'local' ? 'registration.preRegistration.doneLocal' : 'registration.preRegistration.doneServer', { prid: applied.prid, count: applied.prefilledFields.length })}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
