import { useTranslation } from 'react-i18next';
import type { Modality } from '../../../../../schemas/sbi';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { biometricsSelectors } from '../../store/slices/biometrics/selectors';

/**
 * One tile per attempt: its quality against the threshold in words and a symbol (never colour
 * alone), and which one the draft keeps (MOSIP keeps the best, the latest on a tie), so the
 * operator sees whether another attempt helps.
 */
function AttemptTiles({ fieldId, modality, threshold }: Readonly<{ fieldId: string; modality: Modality; threshold: number }>) {
  const { t } = useTranslation();
  const history = useRegistration(biometricsSelectors.history(fieldId, modality));
  return (
    <ol className="attempt-tiles" aria-label={t('registration.biometrics.tiles', { threshold })}>
      {history.map((h) => {
        const isAbove = h.averageQuality >= threshold;
        return (
          <li key={h.attempt} className={`attempt-tile attempt-tile--${isAbove ? 'above' : 'below'}${h.kept ? ' attempt-tile--kept' : ''}`} data-testid={`tile-${modality}-${h.attempt}`}>
            <span className="attempt-tile__number">{t('registration.biometrics.tileAttempt', { attempt: h.attempt })}</span>
            <span><span aria-hidden="true">{isAbove ? '▲' : '▼'} </span>{Math.round(h.averageQuality)} {isAbove ? t('registration.biometrics.tileAbove') : t('registration.biometrics.tileBelow')}</span>
            {h.kept && <span className="attempt-tile__kept"><span aria-hidden="true">★ </span>{t('registration.biometrics.tileKept')}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** One modality: live preview, capture, and the last attempt's quality against the threshold. */
export function ModalityPanel({ fieldId, modality, isNext }: Readonly<{ fieldId: string; modality: Modality; isNext: boolean }>) {
  const { t } = useTranslation();
  const result = useRegistration(biometricsSelectors.attempt(fieldId, modality));
  const isCapturing = useRegistration(biometricsSelectors.isCapturing(fieldId, modality));
  const canCapture = useRegistration(biometricsSelectors.canCapture(fieldId, modality));
  const isPreviewing = useRegistration((s) => biometricsSelectors.previewModality(s) === modality);
  const previewSrc = useRegistration(biometricsSelectors.previewSrc(modality));
  const isCapturedEarlier = useRegistration(biometricsSelectors.isCapturedInDraft(fieldId, modality));
  const { captureBiometrics, startPreview, stopPreview } = useRegistrationActions();
  const titleId = `panel-${fieldId}-${modality}`;
  // one preview per finger / eye / face of the last attempt, each named, so the operator sees every capture
  const thumbnails = result?.attributes.filter((a) => a.thumbnailBase64 !== null) ?? [];

  return (
    <section className={`panel${isNext ? ' panel--next' : ''}`} aria-labelledby={titleId} data-modality={modality} data-testid={`panel-${modality}`}>
      <h3 id={titleId}>{t(`registration.modality.${modality}`)}</h3>
      <div className={`panel__image${!previewSrc && thumbnails.length > 1 ? ' panel__image--set' : ''}`}>
        {previewSrc ? <img src={previewSrc} alt={t('registration.biometrics.previewAlt', { modality: t(`registration.modality.${modality}`) })} />
          : thumbnails.length > 0 ? thumbnails.map((a) => (
            <img
              key={a.attribute}
              src={`data:image/jpeg;base64,${a.thumbnailBase64}`}
              alt={t('registration.biometrics.capturedAlt', { modality: thumbnails.length > 1 ? t(`registration.attribute.${a.attribute}`) : t(`registration.modality.${modality}`) })}
              data-testid={`captured-${modality}-${a.attribute}`}
            />
          ))
          : <span className="muted">{isPreviewing ? t('registration.biometrics.waiting') : t('registration.biometrics.noImage')}</span>}
      </div>
      <div className="panel__actions">
        <button type="button" className="button button--small" aria-pressed={isPreviewing} onClick={() => void (isPreviewing ? stopPreview() : startPreview(modality))}>
            {isPreviewing ? t('registration.biometrics.stopPreview') : t('registration.biometrics.startPreview')}
        </button>
        <button type="button" className="button button--primary button--small" disabled={!canCapture} aria-keyshortcuts={isNext ? 'Alt+C' : undefined} onClick={() => void captureBiometrics(fieldId, modality)}>
          {isCapturing ? t('registration.biometrics.capturing') : result ? t('registration.biometrics.retry') : t('registration.biometrics.capture')}
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
      {/* the exception photo has one attempt, and a modality marked missing as a whole has no quality */}
      {result && modality !== 'exception-photo' && result.attributes.length > 0 && <AttemptTiles fieldId={fieldId} modality={modality} threshold={result.threshold} />}
    </section>
  );
}
