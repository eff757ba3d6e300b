/**
 * A broken invariant: a bug in this program, never an expected failure (those are AppError with a
 * catalogue code). Like any plain Error it crosses a boundary as ERR_INTERNAL, its message kept for the log.
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';

  constructor(message: string) {
    super(`bug: ${message}`);
  }
}

/** Throws an InvariantError unless `condition` holds; `what` says which invariant, for the log. */
export function assert(condition: unknown, what: string): asserts condition {
  if (!condition) throw new InvariantError(what);
}

/** The value, which the caller knows is there (instead of `value!`); an InvariantError naming it otherwise. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new InvariantError(`${what} is missing`);
  return value;
}

/** The end of an exhaustive switch: the compiler proves it is never reached; a wrong value at run time is a bug. */
export function unreachable(value: never, what: string): never {
  throw new InvariantError(`unknown ${what} ${String(value)}`);
}
