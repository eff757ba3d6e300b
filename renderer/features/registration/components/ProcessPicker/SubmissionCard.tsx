import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { submitSelectors } from '../../store/slices/submit/selectors';
import { SubmitProgress } from '../Acknowledgement/SubmitProgress';

/** The previous resident's submission, still running or finished, while the next one starts. */
export function SubmissionCard() {
  const { t } = useTranslation();
  const hasSubmission = useRegistration(submitSelectors.hasSubmission);
  const status = useRegistration(submitSelectors.status);
  const name = useRegistration(submitSelectors.residentName);
  const rid = useRegistration(submitSelectors.rid);
  const error = useRegistration(submitSelectors.error);
  const { showAcknowledgement } = useRegistrationActions();
  if (!hasSubmission) return null;
  return (
    <section className="card submission" aria-labelledby="submission-heading">
      <h2 id="submission-heading">{t('registration.submission.heading', { name: name ?? '' })}</h2>
      {status === 'submitting' && <SubmitProgress />}
      {status === 'done' && rid && <p>{t('registration.submission.done', { rid })}</p>}
      {error && <ErrorMessage error={error} />}
      <button type="button" className="button" onClick={showAcknowledgement}>{t('registration.submission.show')}</button>
    </section>
  );
}
