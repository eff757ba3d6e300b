import { useTranslation } from 'react-i18next';
import type { PacketSummary } from '../../../../schemas/packetSummary';
import { isBelowThreshold } from '../store/slices/summary/selectors';

/**
 * Per modality and attribute: the thumbnail, the score against the threshold, the attempts, and
 * flags a supervisor must not miss (below threshold, force-captured, missing). Flags are words
 * and a mark, never colour alone.
 */
export function SummaryBiometrics({ summary, locale }: Readonly<{ summary: PacketSummary; locale: string }>) {
  const { t } = useTranslation();
  const score = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (summary.biometrics.length === 0) return <p className="muted">{t('approval.summary.noBiometrics')}</p>;
  return (
    <table className="table summary__biometrics">
      <caption className="visually-hidden">{t('approval.summary.biometricsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('approval.summary.attribute')}</th>
          <th scope="col">{t('approval.summary.image')}</th>
          <th scope="col" className="numeric">{t('approval.summary.quality')}</th>
          <th scope="col" className="numeric">{t('approval.summary.threshold')}</th>
          <th scope="col">{t('approval.summary.result')}</th>
          <th scope="col">{t('approval.summary.attempts')}</th>
        </tr>
      </thead>
      {summary.biometrics.map((m) => (
        <tbody key={`${m.fieldId}|${m.modality}`}>
          <tr className="summary__modality">
            <th scope="colgroup" colSpan={5}>
              {t(`registration.modality.${m.modality}`)}
              {m.isForceCaptured && <span className="flag flag--danger">{t('approval.summary.forceCaptured')}</span>}
            </th>
            <td>{t('approval.summary.keptOf', { kept: m.keptAttempt, used: m.attemptsUsed })}</td>
          </tr>
          {m.attributes.map((a) => {
            const isLow = isBelowThreshold(m, a.qualityScore);
            const name = t(`registration.attribute.${a.attribute}`);
            return (
              <tr key={a.attribute} className={isLow ? 'summary__attribute summary__attribute--low' : 'summary__attribute'}>
                <th scope="row">{name}</th>
                <td>{a.thumbnail ? <img className="summary__thumb" src={`data:image/jpeg;base64,${a.thumbnail}`} alt={t('approval.summary.imageOf', { name })} /> : <span className="muted">{t('approval.summary.noImage')}</span>}</td>
                <td className="numeric">{score(a.qualityScore)}</td>
                <td className="numeric">{score(m.threshold)}</td>
                <td>{isLow ? <span className="flag flag--danger">{t('approval.summary.below')}</span> : <span className="flag flag--ok">{t('approval.summary.passed')}</span>}</td>
                <td />
              </tr>
            );
          })}
          {m.exceptions.map((attribute) => (
            <tr key={`exception-${attribute}`} className="summary__attribute summary__attribute--exception">
              <th scope="row">{t(`registration.attribute.${attribute}`)}</th>
              <td colSpan={3} />
              <td>
                <span className="flag flag--warning">{t('approval.summary.exception')}</span>
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
