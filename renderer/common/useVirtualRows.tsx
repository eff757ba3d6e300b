import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';

/** Rows drawn before the scroll box has a size. */
const INITIAL_ROWS = 12;
/** Rows left below the window when the next page is asked for, so scrolling rarely waits. */
const PREFETCH_ROWS = 15;

export interface VirtualRowsOptions {
  readonly count: number;
  /** a row's stable key (its id), so a row keeps its measured height and focus when rows are added */
  readonly keyOf: (index: number) => string | number;
  /** a row's height before it is measured */
  readonly estimatePx: number;
  /** the list pages from the back end: the next page is asked for as the window nears the last loaded row */
  readonly paging?: Readonly<{ hasMore: boolean; loadingMore: boolean; loadMore: () => unknown }>;
}

export interface VirtualRows {
  /** the scroll box (a block with a bounded height and `overflow: auto`) */
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** the rows in view and a few around: only these are in the DOM */
  readonly rows: readonly VirtualItem[];
  /** empty height above and below them, so the scroll bar is the whole list's */
  readonly before: number;
  readonly after: number;
  /** ref for a row's element (with `data-index`), measured as it grows */
  readonly measure: (element: Element | null) => void;
}

/**
 * A table's rows virtualised (@tanstack/react-virtual): the approval queue, the drafts and the
 * outbox lists share it, so a list of thousands scrolls as one of fifty, and a paged list loads its
 * next page before the reader reaches the end.
 */
export function useVirtualRows({ count, keyOf, estimatePx, paging }: VirtualRowsOptions): VirtualRows {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatePx,
    overscan: 6,
    getItemKey: keyOf,
    // before the box is measured (first paint, server rendering) a screenful of rows is shown, not none
    initialRect: { width: 1024, height: INITIAL_ROWS * estimatePx },
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows.at(-1);
  const { hasMore = false, loadingMore = false, loadMore } = paging ?? {};
  useEffect(() => {
    if (loadMore && hasMore && !loadingMore && (last === undefined || last.index >= count - PREFETCH_ROWS)) void loadMore();
  }, [last?.index, count, hasMore, loadingMore, loadMore, last]);
  return { scrollRef, rows, before: first?.start ?? 0, after: Math.max(0, virtualizer.getTotalSize() - (last?.end ?? 0)), measure: virtualizer.measureElement };
}

/** The rows out of view, as empty height (one `tbody`, hidden from assistive technology). */
export function VirtualSpacer({ height }: Readonly<{ height: number }>) {
  if (height <= 0) return null;
  return (
    <tbody aria-hidden="true">
      <tr style={{ height }} />
    </tbody>
  );
}
