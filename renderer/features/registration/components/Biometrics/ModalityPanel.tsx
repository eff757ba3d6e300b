import { useTranslation } from 'react-i18next';
import type { Modality } from '../../../../../schemas/sbi';
import { useRegistration, useRegistrationActions } from '../../../../AppStores';
import { biometricsSelectors } from '../../store/slices/biometrics/selectors';

/** One modality: live preview, capture, and the last attempt's quality against the threshold. */
export function ModalityPanel({ fieldId, modality, isNext }: Readonly<{ fieldId: string; modality: Modality; isNext: boolean }>) {
  const { t } = useTranslation();
  const result = useRegistration(biometricsSelectors.attempt(fieldId, modality));
  const isCapturing = useRegistration(biometricsSelectors.isCapturing(fieldId, modality));
  const isBusy = useRegistration(biometricsSelectors.isAnyCapturing);
  const isPreviewing = useRegistration((s) => biometricsSelectors.previewModality(s) === modality);
  const previewSrc = useRegistration(biometricsSelectors.previewSrc(modality));
  const isCapturedEarlier = useRegistration(biometricsSelectors.isCapturedInDraft(fieldId, modality));
  const { captureBiometrics, startPreview, stopPreview } = useRegistrationActions();
  const titleId = `panel-${fieldId}-${modality}`;
  const decision = result?.decision ?? null;
  const canCapture = !isBusy && decision !== 'forceCaptured' && decision !== 'accepted';
  const thumbnail = result?.attributes.find((a) => a.thumbnailBase64)?.thumbnailBase64 ?? null;

  return (
    <section className={`panel${isNext ? ' panel--next' : ''}`} aria-labelledby={titleId} data-modality={modality} data-testid={`panel-${modality}`}>
      <h3 id={titleId}>{t(`registration.modality.${modality}`)}</h3>
      <div className="panel__image">
        {previewSrc ? <img src={previewSrc} alt={t('registration.biometrics.previewAlt', { modality: t(`registration.modality.${modality}`) })} />
          : thumbnail ? <img src={`data:image/jpeg;base64,${thumbnail}`} alt={t('registration.biometrics.capturedAlt', { modality: t(`registration.modality.${modality}`) })} />
          : <span className="muted">{isPreviewing ? t('registration.biometrics.waiting') : t('registration.biometrics.noImage')}</span>}
      </div>
      <div className="panel__actions">
        <button type="button" className="button button--small" aria-pressed={isPreviewing} onClick={() => void (isPreviewing ? stopPreview() : startPreview(modality))}>
            {isPreviewing ? t('registration.biometrics.stopPreview') : t('registration.biometrics.startPreview')}
        </button>
        <button type="button" className="button button--primary button--small" disabled={!canCapture} aria-keyshortcuts={isNext ? 'Alt+C' : undefined} onClick={() => void captureBiometrics(fieldId, modality)}>
          {isCapturing ? t('registration.biometrics.capturing') : decision === 'retry' ? t('registration.biometrics.retry') : t('registration.biometrics.capture')}
        </button>
      </div>
      {!result && isCapturedEarlier && <p className="status status--accepted" data-testid={`decision-${modality}`}>{t('registration.biometrics.capturedEarlier')}</p>}
      {result && (
        <div className="panel__result" aria-live="polite">
          <p className={`status status--${result.decision}`} data-testid={`decision-${modality}`}>{t(`registration.biometrics.decision.${result.decision}`)}</p>
          <label className="quality">
            <span>{t('registration.biometrics.quality', { score: Math.round(result.averageQuality), threshold: result.threshold })}</span>
            <meter min={0} max={100} low={result.threshold} optimum={100} value={result.averageQuality} />
          </label>
          <p className="muted">{t('registration.biometrics.attemptsLeft', { count: result.attemptsLeft })}</p>
          {result.attributes.length > 1 && (
            <ul className="panel__scores">
              {result.attributes.map((a) => <li key={a.attribute}>{t(`registration.attribute.${a.attribute}`)}: {Math.round(a.qualityScore)}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
