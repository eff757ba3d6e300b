import { z } from 'zod';
import { ApprovalAction, OutboxFilter, OutboxState } from './outbox';

/** States a supervisor can still decide: the only ones "all matching" may touch. */
export const DECIDABLE_STATES = ['PENDING', 'ON_HOLD'] as const satisfies readonly OutboxState[];

/**
 * "Approve (reject, hold) all matching": the queue's filter, not a list of ids, so the back end
 * never needs the rows in a page. `expected` is the count the supervisor saw: if the filter now
 * matches another number the request is refused (ERR_SYNC_MATCHING_CHANGED) rather than decided
 * over packets nobody looked at.
 */
export const BulkDecisionInput = z
  .object({
    action: ApprovalAction,
    filter: OutboxFilter.omit({ withPerson: true }).extend({ states: z.array(z.enum(DECIDABLE_STATES)).min(1).max(2) }).strict(),
    expected: z.number().int().min(1),
    reasonCode: z.string().min(1).max(36).optional(),
    password: z.string().min(1).max(200),
  })
  .strict();
export type BulkDecisionInput = z.infer<typeof BulkDecisionInput>;

/** A packet that changed state between the count and its chunk's write: skipped, not decided. */
export const BulkSkipped = z.object({ rid: z.string(), state: OutboxState });
export type BulkSkipped = z.infer<typeof BulkSkipped>;

export const BulkDecisionResult = z.object({
  action: ApprovalAction,
  /** how many packets this decision changed (each audited on its own, as a single decision is) */
  decided: z.number().int().nonnegative(),
  /** changed by someone else meanwhile (the first 500 named; `skippedCount` counts them all) */
  skipped: z.array(BulkSkipped).max(500),
  skippedCount: z.number().int().nonnegative(),
  /** the caller cancelled: the chunks already committed stay decided, the rest were not touched */
  cancelled: z.boolean(),
});
export type BulkDecisionResult = z.infer<typeof BulkDecisionResult>;

/** After each committed chunk, to the caller that asked. */
export const BulkDecisionProgress = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type BulkDecisionProgress = z.infer<typeof BulkDecisionProgress>;
