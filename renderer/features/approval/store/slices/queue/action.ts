import { PAGE_SIZE_MAX } from '../../../../../../schemas/paging';
import type { OutboxItem } from '../../../../../../schemas/outbox';
import { toUiError, type UiError } from '../../../../UiError';
import { outboxItemsReducer } from '../../../../sync/store/slices/outbox/reducer';
import type { ApprovalAction } from '../../../../../../schemas/outbox';
import type { ApprovalFilter } from '../../initialState';
import type { ApprovalSliceContext } from '../../store';
import { dateRange } from './dateRange';
import { approvalSelectors, isAwaitingDecision } from './selectors';

export interface ApprovalActions {
  /** follows `outbox.onDidChange`; returns the unsubscribe */
  connect(): () => void;
  /** the waiting packets in the filter's date range, fresh from the back end */
  refresh(): Promise<void>;
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
  // the last refresh asked for: an older answer (a search typed over) is dropped when it arrives
  let latestRefresh = 0;
  const apply = (item: OutboxItem) =>
    set((s) => ({
      items: outboxItemsReducer(s.items, isAwaitingDecision(item) && inRange(item, s.filter) && isListed(item, s) ? { type: 'upsert', item: withPerson(item, s.items) } : { type: 'remove', packetId: item.packetId }),
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
        const { fromDate, toDate, search } = get().filter;
        const typed = search.trim();
        const all = await api['packets.list']({ ...dateRange(fromDate, toDate), ...(typed ? { search: typed } : {}), states: ['PENDING', 'ON_HOLD'], withPerson: true, limit: PAGE_SIZE_MAX });
        if (request !== latestRefresh) return;
        const items = outboxItemsReducer([], { type: 'replaceAll', items: all.items.filter(isAwaitingDecision) });
        const known = new Set(items.map((i) => i.packetId));
        set((s) => ({ status: 'ready', items, selected: s.selected.filter((id) => known.has(id)), openSummary: s.openSummary && known.has(s.openSummary.packetId) ? s.openSummary : null }));
      } catch (err) {
        if (request === latestRefresh) set({ status: 'failed', error: toUiError(err) });
      }
    },
    async setFilter(change) {
      const previous = get().filter;
      const filter = { ...previous, ...change };
      set({ filter });
      if (filter.fromDate !== previous.fromDate || filter.toDate !== previous.toDate || filter.search.trim() !== previous.search.trim()) await get().refresh();
    },
    toggleSelected(packetId) {
      set((s) => ({ selected: s.selected.includes(packetId) ? s.selected.filter((id) => id !== packetId) : [...s.selected, packetId] }));
    },
    toggleAllVisible() {
      const s = get();
      const visible = approvalSelectors.visibleItems(s).map((i) => i.packetId);
      set({ selected: approvalSelectors.isAllVisibleSelected(s) ? s.selected.filter((id) => !visible.includes(id)) : [...new Set([...s.selected, ...visible])] });
    },
    clearSelection: () => set({ selected: [] }),
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
      const ids = packetIds ?? get().selected;
      if (ids.length === 0) return;
      set({ decision: { action, packetIds: [...ids], reasonCode: '', status: 'editing', error: null } });
    },
    setReason(reasonCode) {
      set((s) => (s.decision ? { decision: { ...s.decision, reasonCode } } : {}));
    },
    cancelDecision: () => set({ decision: null }),
    async confirmDecision(password) {
      const decision = get().decision;
      if (!decision || !approvalSelectors.canConfirm(get())) return;
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
