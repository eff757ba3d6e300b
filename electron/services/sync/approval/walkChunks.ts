import type { BulkDecisionInput, BulkDecisionProgress, BulkDecisionResult, BulkSkipped } from '../../../../schemas/bulkDecision';
import type { ApprovalAction, OutboxItem } from '../../../../schemas/outbox';
import type { DB } from '../../db/Database';
import type { OutboxRecord } from '../../db/repos/outbox';
import { pageOutbox, type OutboxWhere } from '../../db/repos/outboxPage';

/** How a bulk decision runs: cancellation, progress, chunk size (tests use small chunks). */
export interface BulkOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BulkDecisionProgress) => void;
  readonly chunkSize?: number;
}

const MAX_NAMED_SKIPS = 500;

/**
 * The filter as the bulk decision reads it: `waiting` is what the supervisor saw counted; `any`
 * walks the same rows whatever their state now, so one decided by someone else meanwhile is met
 * and reported instead of silently missing. Both end at `now`: a packet built after the count is
 * not decided by a supervisor who never saw it.
 */
export function matchingBound(filter: BulkDecisionInput['filter'], now: number): { waiting: OutboxWhere; any: OutboxWhere } {
  const { states, state, ...rest } = filter;
  const to = Math.min(rest.to ?? Number.MAX_SAFE_INTEGER, now + 1);
  const waiting = state === undefined ? states : states.filter((s) => s === state);
  return { waiting: { ...rest, to, states: waiting }, any: { ...rest, to } };
}

/** One walk over `where` in keyset chunks; `visit` decides a row (an item), reports it (a skip) or passes it (undefined). */
export async function walkChunks(
  o: BulkOptions & { readonly db: DB; readonly where: OutboxWhere; readonly chunkSize: number; readonly total: number; readonly action: ApprovalAction },
  visit: (item: OutboxRecord) => OutboxItem | BulkSkipped | undefined,
  onDidChange: (item: OutboxItem) => void,
): Promise<BulkDecisionResult> {
  const skipped: BulkSkipped[] = [];
  let decided = 0;
  let skippedCount = 0;
  let cursor: string | undefined;
  for (;;) {
    if (o.signal?.aborted) return { action: o.action, decided, skipped, skippedCount, cancelled: true };
    // read and written in one transaction: no other writer can slip between this chunk's read and its writes
    const { changed, next } = o.db.transaction(() => {
      const page = pageOutbox(o.db, o.where, { limit: o.chunkSize, ...(cursor ? { cursor } : {}) });
      return { changed: page.items.map(visit), next: page.nextCursor };
    }).immediate();
    for (const c of changed) {
      if (c === undefined) continue;
      if ('packetId' in c) {
        decided++;
        onDidChange(c);
      } else {
        skippedCount++;
        if (skipped.length < MAX_NAMED_SKIPS) skipped.push(c);
      }
    }
    o.onProgress?.({ done: decided + skippedCount, total: o.total });
    if (next === null) return { action: o.action, decided, skipped, skippedCount, cancelled: false };
    cursor = next;
    // a turn of the event loop between chunks: a cancel frame, other calls and window traffic get through
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
