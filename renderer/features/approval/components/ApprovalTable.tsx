import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useLocale } from '../../../common/useLocale';
import { useVirtualRows, VirtualSpacer } from '../../../common/useVirtualRows';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';
import { ApprovalRow } from './ApprovalRow';
import { BulkToolbar } from './BulkToolbar';
import { PageRange } from './PageRange';

/** A row's height before it is measured (a thumbnail row); an open summary is measured as it grows. */
const ROW_ESTIMATE_PX = 64;

/**
 * The waiting packets, virtualised: only the rows in view (and a few around) are in the DOM, so
 * a queue of thousands scrolls as one of fifty. Pages load as the window nears the last loaded row.
 */
export function ApprovalTable({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = useStore(store, useShallow(approvalSelectors.visibleItems));
  const isAllSelected = useStore(store, approvalSelectors.isAllVisibleSelected);
  const hasMore = useStore(store, approvalSelectors.hasMore);
  const loadingMore = useStore(store, approvalSelectors.loadingMore);
  const { toggleAllVisible, loadMore } = store.getState();
  const { scrollRef, rows, before, after, measure } = useVirtualRows({
    count: items.length,
    keyOf: (i) => items[i]?.packetId ?? i,
    estimatePx: ROW_ESTIMATE_PX,
    paging: { hasMore, loadingMore, loadMore },
  });
  const first = rows[0];
  const last = rows.at(-1);
  if (items.length === 0 && !hasMore) return <p role="status">{t('approval.empty')}</p>;
  return (
    <>
      <BulkToolbar store={store} />
      <PageRange store={store} from={first ? first.index + 1 : 0} to={last ? last.index + 1 : 0} />
      <div ref={scrollRef} className="approval__scroll" data-testid="approval-scroll">
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
          <VirtualSpacer height={before} />
          {rows.map((row) => (
            <ApprovalRow key={row.key} store={store} item={items[row.index]!} locale={locale} index={row.index} measure={measure} />
          ))}
          <VirtualSpacer height={after} />
        </table>
      </div>
      {hasMore && (
        <button type="button" className="button" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t('common.loading') : t('approval.page.more')}
        </button>
      )}
    </>
  );
}

