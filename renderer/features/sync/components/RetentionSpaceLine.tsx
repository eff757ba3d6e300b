import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatSize } from '../../../common/formatSize';
import { useLocale } from '../../../common/useLocale';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';

/**
 * What retention will free on this disk, beside the free-space limit (issue 17): a supervisor
 * facing a full disk sees whether syncing and waiting out retention is enough.
 */
export function RetentionSpaceLine({ store }: Readonly<{ store: SyncStore }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const retention = useStore(store, syncSelectors.retention);
  if (!retention) return null;
  return (
    <p className="muted" data-testid="retention-space">
      {t('sync.limits.retention', {
        due: formatSize(retention.due.bytes, locale),
        dueFiles: retention.due.files,
        later: formatSize(retention.later.bytes, locale),
        laterFiles: retention.later.files,
        days: retention.days,
      })}
    </p>
  );
}
