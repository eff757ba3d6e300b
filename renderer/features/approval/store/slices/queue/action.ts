import { PAGE_SIZE_DEFAULT } from '../../../../../../schemas/paging';
import type { OutboxItem } from '../../../../../../schemas/outbox';
import { toUiError, type UiError } from '../../../../UiError';
import { outboxItemsReducer } from '../../../../sync/store/slices/outbox/reducer';
import type { ApprovalAction } from '../../../../../../schemas/outbox';
import type { ApprovalFilter, ApprovalState } from '../../initialState';
import { matchingDecision } from '../matching/action';
import { serverFilter } from './filter';
import type { ApprovalSliceContext } from '../../store';
import { dateRange } from './dateRange';
import { approvalSelectors, isAwaitingDecision } from './selectors';

export interface ApprovalActions {
  /** follows `outbox.onDidChange`; returns the unsubscribe */
  connect(): () => void;
  /** the first page of waiting packets matching the filter, fresh from the back end */
  refresh(): Promise<void>;
  /** the next page, appended (selection and filter stay) */
  loadMore(): Promise<void>;
  /** selects every packet the filter matches (the total), without loading them */
  selectAllMatching(): void;
  /** stops a running "all matching" decision between chunks */
  stopMatching(): void;
  setFilter(filter: Partial<ApprovalFilter>): Promise<void>;
  toggleSelected(packetId: string): void;
  /** selects every visible packet, or clears the selection when all are already selected */
  toggleAllVisible(): void;
  clearSelection(): void;
  /** the reason list in the UI language (falls back to every language when none is synced in it) */
  loadReasons(langCode: string): Promise<void>;
  /** opens the password dialog for `packetIds` (default: the selection) */
  startDecision(action: ApprovalAction, packetIds?: readonly string[]): void;
  setReason(reasonCode: string): void;
  cancelDecision(): void;
  /** sends the decision with the re-entered password; the main process checks both */
  confirmDecision(password: string): Promise<void>;
}

/** Actions of the approval store: each calls the typed API, then stores result, status and error code. */
export function createApprovalActions({ api, set, get }: ApprovalSliceContext): ApprovalActions {
  const matching = matchingDecision({ api, set, get });
  // the last refresh asked for: an older answer (a search typed over) is dropped when it arrives
  let latestRefresh = 0;
  const apply = (item: OutboxItem) =>
    set((s) => ({
      ...listedAfter(s, item),
      selected: isAwaitingDecision(item) ? s.selected : s.selected.filter((id) => id !== item.packetId),
      // a decided packet leaves the queue, and its summary with it
      openSummary: s.openSummary?.packetId === item.packetId && !isAwaitingDecision(item) ? null : s.openSummary,
    }));
  return {
    connect() {
      return api.on('outbox.onDidChange', apply);
    },
    async refresh() {
      const request = ++latestRefresh;
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', error: null }));
      try {
        const page = await api['packets.list']({ ...serverFilter(get().filter), withPerson: true, limit: PAGE_SIZE_DEFAULT });
        if (request !== latestRefresh) return;
        const items = outboxItemsReducer([], { type: 'replaceAll', items: page.items.filter(isAwaitingDecision) });
        const known = new Set(items.map((i) => i.packetId));
        set((s) => ({
          status: 'ready',
          items,
          total: page.total,
          nextCursor: page.nextCursor,
          allMatching: false,
          selected: s.selected.filter((id) => known.has(id)),
          openSummary: s.openSummary && known.has(s.openSummary.packetId) ? s.openSummary : null,
        }));
      } catch (err) {
        if (request === latestRefresh) set({ status: 'failed', error: toUiError(err) });
      }
    },
    async loadMore() {
      const { nextCursor: cursor, loadingMore, filter } = get();
      if (cursor === null || loadingMore) return;
      const request = latestRefresh;
      set({ loadingMore: true });
      try {
        const page = await api['packets.list']({ ...serverFilter(filter), withPerson: true, limit: PAGE_SIZE_DEFAULT, cursor });
        // a refresh since (another filter) owns the list now
        if (request !== latestRefresh) return;
        set((s) => ({ items: [...s.items, ...page.items.filter((i) => isAwaitingDecision(i) && !s.items.some((k) => k.packetId === i.packetId))], total: page.total, nextCursor: page.nextCursor }));
      } catch (err) {
        set({ error: toUiError(err) });
      } finally {
        set({ loadingMore: false });
      }
    },
    async setFilter(change) {
      const previous = get().filter;
      const filter = { ...previous, ...change };
      set({ filter });
      const changed = (Object.keys(filter) as (keyof ApprovalFilter)[]).some((k) => filter[k].trim() !== previous[k].trim());
      if (changed) await get().refresh();
    },
    selectAllMatching: () => set({ allMatching: true, selected: [] }),
    stopMatching: () => matching.stop(),
    toggleSelected(packetId) {
      set((s) => ({ allMatching: false, selected: s.selected.includes(packetId) ? s.selected.filter((id) => id !== packetId) : [...s.selected, packetId] }));
    },
    toggleAllVisible() {
      const s = get();
      const visible = approvalSelectors.visibleItems(s).map((i) => i.packetId);
      set({ allMatching: false, selected: approvalSelectors.isAllVisibleSelected(s) ? s.selected.filter((id) => !visible.includes(id)) : [...new Set([...s.selected, ...visible])] });
    },
    clearSelection: () => set({ selected: [], allMatching: false }),
    async loadReasons(langCode) {
      try {
        const inLanguage = await api['packets.reasons']({ langCode });
        const reasons = inLanguage.length > 0 ? inLanguage : firstPerCode(await api['packets.reasons']({}));
        set({ reasons, reasonsLanguage: langCode });
      } catch (err) {
        set({ error: toUiError(err) });
      }
    },
    startDecision(action, packetIds) {
      const { allMatching, total, selected } = get();
      if (packetIds === undefined && allMatching) {
        if (total > 0) set({ decision: { action, packetIds: [], matching: { expected: total }, reasonCode: '', status: 'editing', error: null } });
        return;
      }
      const ids = packetIds ?? selected;
      if (ids.length === 0) return;
      set({ decision: { action, packetIds: [...ids], matching: null, reasonCode: '', status: 'editing', error: null } });
    },
    setReason(reasonCode) {
      set((s) => (s.decision ? { decision: { ...s.decision, reasonCode } } : {}));
    },
    cancelDecision: () => set({ decision: null }),
    async confirmDecision(password) {
      const decision = get().decision;
      if (!decision || !approvalSelectors.canConfirm(get())) return;
      if (decision.matching) return matching.confirm(password);
      set({ decision: { ...decision, status: 'submitting', error: null } });
      try {
        const input = { ids: [...decision.packetIds], password, ...(decision.reasonCode ? { reasonCode: decision.reasonCode } : {}) };
        const items = await api[`packets.${decision.action}`](input);
        for (const item of items) apply(item);
        set((s) => ({
          decision: null,
          lastResult: { action: decision.action, items },
          packetErrors: Object.fromEntries(Object.entries(s.packetErrors).filter(([id]) => !decision.packetIds.includes(id))),
        }));
      } catch (err) {
        const error = toUiError(err);
        const packetId = namedPacket(error, get().items);
        set((s) => ({
          decision: s.decision ? { ...s.decision, status: 'failed', error } : null,
          ...(packetId ? { packetErrors: { ...s.packetErrors, [packetId]: error } } : {}),
        }));
      }
    },
  };
}

/**
 * The list and its total after one packet changed: a packet that left the queue leaves the count
 * with it; one that joined it (held again, say) counts once it matches everything the list shows.
 */
function listedAfter(s: ApprovalState, item: OutboxItem): Pick<ApprovalState, 'items' | 'total'> {
  const wasListed = s.items.some((i) => i.packetId === item.packetId);
  const { state, process } = s.filter;
  const belongs = isAwaitingDecision(item) && inRange(item, s.filter) && isListed(item, s) && (state === 'waiting' || item.state === state) && (process === '' || item.process === process);
  const items = outboxItemsReducer(s.items, belongs ? { type: 'upsert', item: withPerson(item, s.items) } : { type: 'remove', packetId: item.packetId });
  return { items, total: Math.max(0, s.total + (belongs && !wasListed ? 1 : !belongs && wasListed ? -1 : 0)) };
}

function inRange(item: OutboxItem, filter: ApprovalFilter): boolean {
  const { from, to } = dateRange(filter.fromDate, filter.toDate);
  return (from === undefined || item.createdAt >= from) && (to === undefined || item.createdAt < to);
}

/**
 * While a search is typed, only packets the back end matched stay listed: an event for a packet
 * not in the list cannot be matched here (its name is in the summary), so it waits for a refresh.
 */
function isListed(item: OutboxItem, s: Readonly<{ filter: ApprovalFilter; items: readonly OutboxItem[] }>): boolean {
  return s.filter.search.trim() === '' || s.items.some((i) => i.packetId === item.packetId);
}

/** Events carry no person: a packet keeps the name and photo its row already shows. */
function withPerson(item: OutboxItem, items: readonly OutboxItem[]): OutboxItem {
  const person = item.person ?? items.find((i) => i.packetId === item.packetId)?.person;
  return person === undefined ? item : { ...item, person };
}

/** The back end decides a batch whole; its error names the packet that stopped it (rid or id). */
function namedPacket(error: UiError, items: readonly OutboxItem[]): string | undefined {
  const named = error.details['rid'] ?? error.details['id'];
  if (typeof named !== 'string') return undefined;
  return items.find((i) => i.rid === named || i.packetId === named)?.packetId;
}

function firstPerCode<T extends { readonly code: string }>(reasons: readonly T[]): T[] {
  const seen = new Set<string>();
  return reasons.filter((r) => !seen.has(r.code) && seen.add(r.code));
}
