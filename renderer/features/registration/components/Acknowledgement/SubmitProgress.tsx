import { useTranslation } from 'react-i18next';
import { useRegistration } from '../../store/hooks';
import { submitSelectors } from '../../store/slices/submit/selectors';

/** The packet build's stage and progress bar (from `packets.onDidProgress`). */
export function SubmitProgress() {
  const { t } = useTranslation();
  const progress = useRegistration(submitSelectors.progress);
  const stage = progress ? t(`registration.submission.stage.${progress.stage}`) : t('registration.submission.starting');
  return (
    <div className="progress" role="status">
      <label>
        <span>{stage}</span>
        <progress max={1} value={progress?.fraction ?? 0} aria-valuetext={`${Math.round((progress?.fraction ?? 0) * 100)} %`} />
      </label>
    </div>
  );
}
