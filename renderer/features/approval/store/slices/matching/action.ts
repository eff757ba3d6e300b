import { CancelledError } from '../../../../../../schemas/errors';
import { toUiError } from '../../../../UiError';
import type { ApprovalSliceContext } from '../../store';
import { serverFilter } from '../queue/filter';

/** "All matching": confirm with the password, stop between chunks. */
export interface MatchingDecision {
  confirm(password: string): Promise<void>;
  /** stops a running "all matching" decision; what is committed stays decided */
  stop(): void;
}

/**
 * Sends the queue's filter and the count the supervisor saw; the back end decides in chunks and
 * reports progress, so the page never holds the packets it decides.
 */
export function matchingDecision({ api, set, get }: ApprovalSliceContext): MatchingDecision {
  let controller: AbortController | null = null;
  return {
    stop: () => controller?.abort(),
    async confirm(password) {
      const decision = get().decision;
      if (!decision?.matching || controller) return;
      const own = new AbortController();
      controller = own;
      set({ decision: { ...decision, status: 'submitting', error: null }, bulk: { status: 'running', progress: null, result: null, stopped: false } });
      const off = api.on('packets.onDidDecideProgress', (progress) => set((s) => (s.bulk ? { bulk: { ...s.bulk, progress } } : {})));
      try {
        const input = { action: decision.action, filter: serverFilter(get().filter), expected: decision.matching.expected, password, ...(decision.reasonCode ? { reasonCode: decision.reasonCode } : {}) };
        const result = await api['packets.decideMatching'](input, { signal: own.signal });
        set((s) => ({ decision: null, allMatching: false, bulk: { status: 'done', progress: s.bulk?.progress ?? null, result, stopped: result.cancelled } }));
      } catch (err) {
        if (err instanceof CancelledError) set((s) => ({ decision: null, allMatching: false, bulk: { status: 'done', progress: s.bulk?.progress ?? null, result: null, stopped: true } }));
        else set((s) => ({ decision: s.decision ? { ...s.decision, status: 'failed', error: toUiError(err) } : null, bulk: null }));
      } finally {
        off();
        controller = null;
      }
      // what was decided left the queue: the list and its count come fresh from the back end
      if (get().decision === null) await get().refresh();
    },
  };
}
