import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useFormShallow } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';

/**
 * The birth record screen's box (CRVS_NEW): the operator holds the birth certificate's QR to the
 * centre's scanner, or — when the deployment is online and names its civil registry — types the
 * birth registration number and fetches the record; the record, the child and the parent are
 * filled in. It lists the fields the last scan or fetch filled, and why one was refused.
 */
export function BirthRecordScan() {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const { status, applied, error, number } = useRegistration(draftSelectors.birthRecord);
  const registryAvailable = useRegistration(draftSelectors.registryAvailable);
  const { setBirthRegistrationNumber, fetchBirthRecord } = useRegistrationActions();
  const screens = useFormShallow(formSelectors.screens);
  const label = (id: string) => {
    const field = screens.flatMap((s) => s.fields).find((f) => f.id === id);
    return field ? pickText(field.label, ui) : id;
  };
  const busy = status === 'applying';
  return (
    <section className="card form prereg" aria-labelledby="birth-record-label">
      <h2 id="birth-record-label" className="field__label">{t('registration.birthRecord.label')}</h2>
      <p className="muted">{t('registration.birthRecord.hint')}</p>
      {registryAvailable && (
        <form
          role="search"
          aria-labelledby="birth-registry-label"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void fetchBirthRecord();
          }}
        >
          <label id="birth-registry-label" htmlFor="birth-registry-number" className="field__label">{t('registration.birthRecord.registryLabel')}</label>
          <div className="prereg__row">
            <input
              id="birth-registry-number" className="input" type="text" dir="ltr" autoComplete="off" maxLength={30}
              value={number} aria-invalid={status === 'failed'} aria-describedby="birth-record-message"
              onChange={(e) => setBirthRegistrationNumber(e.target.value)}
            />
            <button type="submit" className="button" disabled={busy || number.trim() === ''} aria-busy={busy}>
              {busy ? t('registration.birthRecord.fetching') : t('registration.birthRecord.fetch')}
            </button>
          </div>
        </form>
      )}
      <div id="birth-record-message" aria-live="polite">
        {busy && <p className="muted">{t('registration.birthRecord.applying')}</p>}
        {error && <ErrorMessage error={error} />}
        {status === 'done' && applied && (
          <div className="message message--success" role="status">
            <p>{t('registration.birthRecord.number', { number: applied.birthCertificateNumber })}: {t('registration.birthRecord.done', { count: applied.prefilledFields.length })}</p>
            <ul aria-label={t('registration.birthRecord.filledFields')}>
              {applied.prefilledFields.map((id) => <li key={id} data-field={id}>{label(id)}</li>)}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
