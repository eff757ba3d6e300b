import { z } from 'zod';
import { backupErrors } from './backupErrors';
import { cliErrors } from './cliErrors';
import { coreErrors } from './coreErrors';
import { crvsErrors } from './crvsErrors';
import { packetErrors } from './packetErrors';
import { registrationErrors } from './registrationErrors';
import { sbiErrors } from './sbiErrors';
import { syncErrors } from './syncErrors';
import type { ErrorSpec, RetryClass } from './defineErrors';

export { RetryClass, defineErrors, NoDetails, OperatorAction } from './defineErrors';
export type { ErrorSpec } from './defineErrors';

/**
 * The one error catalogue. Each area adds its own `defineErrors` object here; a code is API: never
 * renamed or reused (STYLE rule 17). Texts for people live in `schemas/data/errorText/<lang>/<area>.json`
 * and a test fails when a code or a translation is missing on either side.
 */
export const ERRORS = {
  ...coreErrors,
  ...sbiErrors,
  ...packetErrors,
  ...syncErrors,
  ...registrationErrors,
  ...cliErrors,
  ...backupErrors,
  ...crvsErrors,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorDetails<C extends ErrorCode> = z.infer<ReturnType<(typeof ERRORS)[C]['details']>>;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** A code read from outside (the wire, the database): itself when the catalogue has it, else ERR_INTERNAL. */
export function toErrorCode(value: string): ErrorCode {
  return isErrorCode(value) ? value : 'ERR_INTERNAL';
}

/** An error code as data from outside: parsed into the catalogue at that boundary, never cast. */
export const ErrorCodeField = z.string().transform(toErrorCode);

/**
 * The plain-data form an error takes across IPC, WebSocket and worker boundaries. Parsing it turns
 * a code the catalogue lacks into ERR_INTERNAL, the unknown code kept in the message for the log.
 */
export const SerializedError = z
  .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .transform((e): { code: ErrorCode; message: string; details: Record<string, unknown> } =>
    isErrorCode(e.code) ? { code: e.code, message: e.message, details: e.details } : { code: 'ERR_INTERNAL', message: `${e.code}: ${e.message}`, details: {} },
  );
export type SerializedError = z.output<typeof SerializedError>;

/**
 * An expected failure from the outside world or from the user's input: it has a stable code,
 * typed details and a retry class. Bugs are plain `Error`s (reported as ERR_INTERNAL).
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'AppError';
  readonly code: C;
  readonly details: ErrorDetails<C>;

  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? ERRORS[code].log, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = details;
  }

  get retry(): RetryClass {
    return ERRORS[this.code].retry;
  }

  /** Narrows the code, so `if (err.is('ERR_AUTH_LOCKED')) err.details.lockedUntil` type-checks. */
  is<K extends ErrorCode>(code: K): this is AppError<K> {
    return (this.code as ErrorCode) === code;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, details: { ...(this.details as object) } };
  }
}

/**
 * A call its caller stopped (a cancel frame, a page that left its screen): not a failure to show,
 * and never retried on its own. Rebuilt as this class on the receiving side of a boundary.
 */
export class CancelledError extends AppError<'ERR_CANCELLED'> {
  constructor(options?: { cause?: unknown; message?: string }) {
    super('ERR_CANCELLED', {}, options);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** A code's catalogue entry, its optional properties (`stopsOutboxRun`, `offline`, `operatorAction`) readable. */
export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERRORS[code];
}

/**
 * Rebuilds an AppError on the receiving side of a boundary; an unknown code becomes ERR_INTERNAL
 * (checked again here: the preload's reply reaches the page unparsed).
 */
export function deserializeError(error: SerializedError): AppError {
  if (!isErrorCode(error.code)) {
    return new AppError('ERR_INTERNAL', {}, { message: `${error.code}: ${error.message}` });
  }
  if (error.code === 'ERR_CANCELLED') return new CancelledError({ message: error.message });
  return new AppError(error.code, error.details as ErrorDetails<typeof error.code>, { message: error.message });
}

/** Converts anything thrown into the wire form; non-AppErrors are reported as ERR_INTERNAL. */
export function serializeError(err: unknown): SerializedError {
  if (isAppError(err)) return err.toJSON();
  return { code: 'ERR_INTERNAL', message: 'internal error', details: {} };
}
