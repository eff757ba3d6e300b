import { z } from 'zod';

/**
 * How a caller (above all the sync engine) should react to an error:
 * `retry` later, `reauth` then retry, `park` for a person to look at, or `fatal` (a bug or a
 * state only an administrator can fix).
 */
export const RetryClass = z.enum(['retry', 'reauth', 'park', 'fatal']);
export type RetryClass = z.infer<typeof RetryClass>;

/** One catalogue entry: the English log message and the shape of the structured details. */
export interface ErrorSpec<D extends z.ZodType = z.ZodType> {
  readonly retry: RetryClass;
  readonly details: D;
  /** English, for logs only; the UI translates `errors.<CODE>` with the details. */
  readonly log: string;
}

/** Identity helper that keeps each area's catalogue literally typed. */
export function defineErrors<T extends Record<`ERR_${string}`, ErrorSpec>>(specs: T): T {
  return specs;
}

/** Details shared by many codes. */
export const NoDetails = z.object({}).strict();
