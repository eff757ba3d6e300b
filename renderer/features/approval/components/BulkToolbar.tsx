import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useLocale } from '../../../common/useLocale';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

/** The bulk actions over the selection, or over every packet the filter matches ("all matching"). */
export function BulkToolbar({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const selectedCount = useStore(store, approvalSelectors.selectedCount);
  const allMatching = useStore(store, approvalSelectors.allMatching);
  const total = useStore(store, approvalSelectors.total);
  const { startDecision, clearSelection, selectAllMatching } = store.getState();
  const totalText = new Intl.NumberFormat(locale).format(total);
  return (
    <div className="approval__bulk" role="toolbar" aria-label={t('approval.bulk.label')}>
      <span role="status">{allMatching ? t('approval.bulk.allMatching', { total: totalText }) : t('approval.bulk.selected', { count: selectedCount })}</span>
      {(['approve', 'reject', 'hold'] as const).map((action) => (
        <button key={action} type="button" className={`button button--${action}`} disabled={selectedCount === 0} onClick={() => startDecision(action)}>
          {t(`approval.bulk.${action}`, { count: selectedCount })}
        </button>
      ))}
      {!allMatching && total > 0 && (
        <button type="button" className="button" onClick={selectAllMatching}>
          {t('approval.bulk.selectMatching', { total: totalText })}
        </button>
      )}
      <button type="button" className="button" disabled={selectedCount === 0} onClick={clearSelection}>
        {t('approval.bulk.clear')}
      </button>
    </div>
  );
}
