import { AppError, type ErrorCode, type ErrorDetails } from '../../schemas/errors';

/** The catalogue codes whose details are a file or folder and the reason it could not be used. */
type PathReason = { path: string; reason: string };
type PathErrorCode = { [C in ErrorCode]: ErrorDetails<C> extends PathReason ? (PathReason extends ErrorDetails<C> ? C : never) : never }[ErrorCode];

/**
 * Runs `fn` on a key file or the data folder; whatever it throws becomes `code`, naming the path
 * and the reason, with the original as its cause (the data dir's keys and folders are opened in
 * many places, and each refusal must say which file and why).
 */
export function orPathError<T>(code: PathErrorCode, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    throw new AppError(code, { path, reason: (cause as Error).message }, { cause });
  }
}
