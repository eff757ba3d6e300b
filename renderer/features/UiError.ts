import { isAppError, type ErrorCode } from '../../schemas/errors';

/** What a store keeps of a failure: the stable code and its details; the view translates. */
export interface UiError {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
}

export function toUiError(err: unknown): UiError {
  if (isAppError(err)) return { code: err.code, details: { ...(err.details as object) } };
  return { code: 'ERR_INTERNAL', details: {} };
}
