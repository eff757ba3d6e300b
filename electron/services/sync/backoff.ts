/** Options of {@link backoffDelay}; validated, a bad value is a bug (TypeError). */
export interface BackoffOptions {
  /** delay scale of the first retry (ms) */
  readonly baseMs: number;
  /** no delay is ever longer than this (ms) */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 15 * 60_000 };

/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): `random() × min(cap, base × 2^attempt)`. Pure, so it is tested without timers.
 * @param attempt 0 for the first retry
 * @param random a source in [0, 1), e.g. Math.random
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new TypeError(`backoffDelay: attempt must be an integer >= 0, got ${attempt}`);
  if (!(options.baseMs > 0) || !(options.capMs >= options.baseMs)) throw new TypeError('backoffDelay: need 0 < baseMs <= capMs');
  const r = random();
  if (!(r >= 0 && r < 1)) throw new TypeError(`backoffDelay: random() must be in [0, 1), got ${r}`);
  // 2^attempt overflows to Infinity for large attempts; min() with the cap keeps it finite.
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 60));
  return Math.floor(r * ceiling);
}

/**
 * The delay before the next attempt: the jittered backoff, but never earlier than a server's
 * Retry-After (ERR_SYNC_RATE_LIMITED), which is honoured even above the cap.
 */
export function retryDelay(attempt: number, random: () => number, retryAfterSeconds?: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const jittered = backoffDelay(attempt, random, options);
  return retryAfterSeconds === undefined ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
}
