import { useTranslation } from 'react-i18next';
import type { OfflineLimitStatus } from '../../../../schemas/outbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLocale } from '../../../common/useLocale';

/**
 * The offline limits with their numbers; near and hit in warning colours, each with its
 * ERR_SYNC_LIMIT_* text (what to do). Shared by the sync screen and the home card.
 */
export function OfflineLimitsList({ limits, showOk }: Readonly<{ limits: readonly OfflineLimitStatus[]; showOk: boolean }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const shown = showOk ? limits : limits.filter((l) => l.state !== 'ok');
  return (
    <ul className="limits">
      {shown.map((l) => (
        <li key={l.limit} className={`limit limit--${l.state}`}>
          <span className="limit__name">{t(`sync.limits.names.${l.limit}`)}</span>
          <span className="limit__numbers">
            {t(l.limit === 'freeDiskMb' ? 'sync.limits.minimum' : 'sync.limits.maximum', { value: number.format(l.value), threshold: number.format(l.threshold) })}
          </span>
          <span className="limit__state">{t(`sync.limits.states.${l.state}`)}</span>
          {l.state !== 'ok' && <ErrorMessage error={{ code: l.code, details: l.details }} />}
        </li>
      ))}
    </ul>
  );
}
