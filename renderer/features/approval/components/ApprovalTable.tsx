import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useLocale } from '../../../common/useLocale';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';
import { ApprovalRow } from './ApprovalRow';

/** The waiting packets with a select-all checkbox and the bulk actions above them. */
export function ApprovalTable({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = useStore(store, useShallow(approvalSelectors.visibleItems));
  const selectedCount = useStore(store, approvalSelectors.selectedCount);
  const isAllSelected = useStore(store, approvalSelectors.isAllVisibleSelected);
  const { toggleAllVisible, startDecision, clearSelection } = store.getState();
  if (items.length === 0) return <p role="status">{t('approval.empty')}</p>;
  return (
    <>
      <div className="approval__bulk" role="toolbar" aria-label={t('approval.bulk.label')}>
        <span role="status">{t('approval.bulk.selected', { count: selectedCount })}</span>
        {(['approve', 'reject', 'hold'] as const).map((action) => (
          <button key={action} type="button" className={`button button--${action}`} disabled={selectedCount === 0} onClick={() => startDecision(action)}>
            {t(`approval.bulk.${action}`, { count: selectedCount })}
          </button>
        ))}
        <button type="button" className="button" disabled={selectedCount === 0} onClick={clearSelection}>
          {t('approval.bulk.clear')}
        </button>
      </div>
      <table className="table approval__table">
        <caption className="visually-hidden">{t('approval.table.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" checked={isAllSelected} onChange={toggleAllVisible} aria-label={t('approval.table.selectAll')} />
            </th>
            <th scope="col">{t('approval.table.rid')}</th>
            <th scope="col">{t('approval.table.resident')}</th>
            <th scope="col">{t('approval.table.process')}</th>
            <th scope="col">{t('approval.table.created')}</th>
            <th scope="col">{t('approval.table.size')}</th>
            <th scope="col">{t('approval.table.state')}</th>
            <th scope="col">{t('approval.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ApprovalRow key={item.packetId} store={store} item={item} locale={locale} />
          ))}
        </tbody>
      </table>
    </>
  );
}
