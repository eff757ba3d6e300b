import { useTranslation } from 'react-i18next';
import { useRegistration } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { draftSelectors } from '../../store/slices/draft/selectors';

/**
 * The birth record screen's scan box (CRVS_NEW): the operator holds the birth certificate's QR to
 * the centre's scanner and the record, the child and the parent are filled in; or types them. It
 * shows what the last scan did, and why a code was refused.
 */
export function BirthRecordScan() {
  const { t } = useTranslation();
  const { status, applied, error } = useRegistration(draftSelectors.birthRecord);
  return (
    <section className="card form prereg" aria-labelledby="birth-record-label">
      <h2 id="birth-record-label" className="field__label">{t('registration.birthRecord.label')}</h2>
      <p className="muted">{t('registration.birthRecord.hint')}</p>
      <div id="birth-record-message" aria-live="polite">
        {status === 'applying' && <p className="muted">{t('registration.birthRecord.applying')}</p>}
        {error && <ErrorMessage error={error} />}
        {status === 'done' && applied && (
          <p className="message message--success" role="status">
            {t('registration.birthRecord.number', { number: applied.birthCertificateNumber })}: {t('registration.birthRecord.done', { count: applied.prefilledFields.length })}
          </p>
        )}
      </div>
    </section>
  );
}
