import { toUiError } from '../../../../UiError';
import type { ApprovalSliceContext } from '../../store';

export interface SummaryActions {
  /** opens a packet's review summary under its row (closing any other) and loads it; again on the same packet closes it */
  toggleSummary(packet: Readonly<{ packetId: string; rid: string }>): Promise<void>;
  closeSummary(): void;
}

/** Actions of the summary slice: the back end holds the summary; the store holds the open one. */
export function createSummaryActions({ api, set, get }: ApprovalSliceContext): SummaryActions {
  return {
    async toggleSummary({ packetId, rid }) {
      if (get().openSummary?.packetId === packetId) {
        set({ openSummary: null });
        return;
      }
      set({ openSummary: { packetId, rid, status: 'loading', summary: null, error: null } });
      try {
        const summary = await api['packets.summary']({ rid });
        // the supervisor may have opened another row meanwhile: that one wins
        set((s) => (s.openSummary?.packetId === packetId ? { openSummary: { packetId, rid, status: 'ready', summary, error: null } } : {}));
      } catch (err) {
        const error = toUiError(err);
        set((s) => (s.openSummary?.packetId === packetId ? { openSummary: { packetId, rid, status: 'failed', summary: null, error } } : {}));
      }
    },
    closeSummary: () => set({ openSummary: null }),
  };
}
