import { isAppError, type ErrorCode } from '../../../schemas/errors';
import { retryDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { unreachable } from '../../../schemas/errors/assert';

/** What a scheduler (the packet outbox, a down-sync job runner) does after a failed step. */
export type SyncDisposition =
  | { readonly action: 'retry'; readonly delayMs: number; readonly code: ErrorCode }
  | { readonly action: 'reauth'; readonly code: ErrorCode }
  | { readonly action: 'park'; readonly code: ErrorCode; readonly details: Readonly<Record<string, unknown>> }
  | { readonly action: 'cancelled' };

/**
 * Turns any error from this library into the next step, from the AppError's retry class:
 * retry after capped, fully jittered backoff (never before a 429's Retry-After); re-authenticate;
 * or park for a person with the code and details (MOSIP errorCode included). A caller's abort is
 * `cancelled`, never a failure. Anything else is a bug and is rethrown.
 */
export function syncErrorDisposition(err: unknown, attempt: number, random: () => number, backoff: BackoffOptions = DEFAULT_BACKOFF): SyncDisposition {
  if ((err as { name?: unknown } | null)?.name === 'AbortError') return { action: 'cancelled' };
  if (!isAppError(err)) throw err;
  switch (err.retry) {
    case 'retry': {
      const retryAfter = err.is('ERR_SYNC_RATE_LIMITED') ? err.details.retryAfterSeconds : undefined;
      return { action: 'retry', delayMs: retryDelay(attempt, random, retryAfter, backoff), code: err.code };
    }
    case 'reauth':
      return { action: 'reauth', code: err.code };
    case 'park':
    case 'fatal':
      return { action: 'park', code: err.code, details: { ...(err.details as object) } };
    default:
      return unreachable(err.retry, 'retry class');
  }
}
