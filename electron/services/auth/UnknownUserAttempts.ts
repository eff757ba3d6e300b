/** At most this many unknown user IDs are remembered; the oldest is forgotten first. */
const MAX_REMEMBERED = 1000;

interface Attempts {
  failures: number;
  lockedUntil: number | undefined;
}

/**
 * Failed attempts against user IDs this machine does not know, kept in memory only. They make an
 * unknown ID answer like a known one (attempts left counting down, then a lock), so guessing
 * cannot tell which IDs exist. Bounded, so a flood of made-up IDs cannot grow it without limit.
 */
export class UnknownUserAttempts {
  readonly #byUser = new Map<string, Attempts>();

  /** The lock's end if `userId` is locked at `now`; a lock that ran out starts the count again. */
  lockedUntil(userId: string, now: number): number | undefined {
    const entry = this.#byUser.get(userId);
    if (entry?.lockedUntil === undefined) return undefined;
    if (entry.lockedUntil > now) return entry.lockedUntil;
    this.#byUser.delete(userId);
    return undefined;
  }

  /** Counts one more failed attempt and returns the count. */
  count(userId: string): number {
    const entry = this.#byUser.get(userId) ?? { failures: 0, lockedUntil: undefined };
    entry.failures += 1;
    // re-inserted so the map's order is least recently tried first
    this.#byUser.delete(userId);
    this.#byUser.set(userId, entry);
    if (this.#byUser.size > MAX_REMEMBERED) this.#byUser.delete(this.#byUser.keys().next().value!);
    return entry.failures;
  }

  lock(userId: string, until: number): number {
    const entry = this.#byUser.get(userId);
    if (entry) entry.lockedUntil = until;
    return until;
  }
}
