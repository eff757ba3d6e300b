import type { OutboxItem } from '../../../../../../schemas/outbox';
import type { ApprovalAction } from '../../../../../../schemas/outbox';
import type { ApprovalState } from '../../initialState';

/** States a supervisor can still decide (PacketApprovalService: PENDING or ON_HOLD). */
export function isAwaitingDecision(item: OutboxItem): boolean {
  return item.state === 'PENDING' || item.state === 'ON_HOLD';
}

function visibleItems(s: ApprovalState): readonly OutboxItem[] {
  const { state, process } = s.filter;
  return s.items.filter((i) => (state === 'waiting' || i.state === state) && (process === '' || i.process === process));
}

/** Reject and hold need a reason (the back end requires it to reject; our centres also to hold). */
function needsReason(action: ApprovalAction): boolean {
  return action !== 'approve';
}

/** Named reads of the approval store (STYLE rule 35); wrap array results in `useShallow`. */
export const approvalSelectors = {
  status: (s: ApprovalState) => s.status,
  error: (s: ApprovalState) => s.error,
  filter: (s: ApprovalState) => s.filter,
  visibleItems,
  /** every process present in the loaded queue, and the chosen one (the back end filters, so the pages may hold only it) */
  processes: (s: ApprovalState): readonly string[] => [...new Set([...s.items.map((i) => i.process), ...(s.filter.process ? [s.filter.process] : [])])].sort(),
  selected: (s: ApprovalState) => s.selected,
  /** what a bulk action decides: every matching packet (the total) or the rows ticked */
  selectedCount: (s: ApprovalState) => (s.allMatching ? s.total : s.selected.length),
  total: (s: ApprovalState) => s.total,
  loadedCount: (s: ApprovalState) => s.items.length,
  hasMore: (s: ApprovalState) => s.nextCursor !== null,
  loadingMore: (s: ApprovalState) => s.loadingMore,
  allMatching: (s: ApprovalState) => s.allMatching,
  bulk: (s: ApprovalState) => s.bulk,
  isSelected: (packetId: string) => (s: ApprovalState) => s.allMatching || s.selected.includes(packetId),
  /** true when every visible packet is selected (and there is at least one) */
  isAllVisibleSelected: (s: ApprovalState) => {
    const visible = visibleItems(s);
    return visible.length > 0 && visible.every((i) => s.selected.includes(i.packetId));
  },
  reasons: (s: ApprovalState) => s.reasons,
  decision: (s: ApprovalState) => s.decision,
  needsReason,
  /** the dialog may be confirmed: a reason when one is needed, and not already sending */
  canConfirm: (s: ApprovalState) =>
    s.decision !== null && s.decision.status !== 'submitting' && (!needsReason(s.decision.action) || s.decision.reasonCode !== ''),
  lastResult: (s: ApprovalState) => s.lastResult,
  /** a reason's name in the loaded language, else its code; null without a code */
  reasonName: (code: string | null) => (s: ApprovalState) => (code === null ? null : (s.reasons.find((r) => r.code === code)?.name ?? code)),
  packetError: (packetId: string) => (s: ApprovalState) => s.packetErrors[packetId] ?? null,
  pendingCount: (s: ApprovalState) => s.items.filter((i) => i.state === 'PENDING').length,
};
