import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useLocale } from '../../../common/useLocale';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

/** How far an "all matching" decision is, from the back end's chunk events, with a way to stop it. */
export function BulkProgress({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const n = new Intl.NumberFormat(useLocale());
  const bulk = useStore(store, approvalSelectors.bulk);
  const done = bulk?.progress?.done ?? 0;
  const total = bulk?.progress?.total ?? 0;
  return (
    <div className="approval__progress">
      <progress value={done} max={Math.max(total, 1)} aria-label={t('approval.bulk.progressLabel')} />
      <p role="status">{t('approval.bulk.progress', { done: n.format(done), total: n.format(total) })}</p>
      <button type="button" className="button" onClick={() => store.getState().stopMatching()}>
        {t('approval.bulk.stop')}
      </button>
    </div>
  );
}
