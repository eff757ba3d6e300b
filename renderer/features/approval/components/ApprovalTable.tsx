import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useLocale } from '../../../common/useLocale';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';
import { ApprovalRow } from './ApprovalRow';
import { BulkToolbar } from './BulkToolbar';
import { PageRange } from './PageRange';

/** A row's height before it is measured (a thumbnail row); an open summary is measured as it grows. */
const ROW_ESTIMATE_PX = 64;
/** Rows drawn before the scroll box has a size. */
const INITIAL_ROWS = 12;
/** Rows left below the window when the next page is asked for, so scrolling rarely waits. */
const PREFETCH_ROWS = 15;

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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    getItemKey: (i) => items[i]?.packetId ?? i,
    // before the box is measured (first paint, server rendering) a screenful of rows is shown, not none
    initialRect: { width: 1024, height: INITIAL_ROWS * ROW_ESTIMATE_PX },
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows.at(-1);
  useEffect(() => {
    if (hasMore && !loadingMore && (last === undefined || last.index >= items.length - PREFETCH_ROWS)) void loadMore();
  }, [last?.index, items.length, hasMore, loadingMore, loadMore, last]);
  if (items.length === 0 && !hasMore) return <p role="status">{t('approval.empty')}</p>;
  const before = first?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (last?.end ?? 0));
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
          {before > 0 && <Spacer height={before} />}
          {rows.map((row) => (
            <ApprovalRow key={row.key} store={store} item={items[row.index]!} locale={locale} index={row.index} measure={virtualizer.measureElement} />
          ))}
          {after > 0 && <Spacer height={after} />}
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

/** The rows out of view, as empty height, so the scroll bar is the whole list's. */
function Spacer({ height }: Readonly<{ height: number }>) {
  return (
    <tbody aria-hidden="true">
      <tr style={{ height }} />
    </tbody>
  );
}
