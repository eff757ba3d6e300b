import assert from 'node:assert/strict';
import { AppError } from '../../schemas/errors';

/** Asserts a promise rejects with an AppError of this code (and, when given, exactly these details). */
export async function rejectsWithCode(promise: Promise<unknown>, code: string, details?: object): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof AppError, `expected AppError ${code}, got ${caught === undefined ? 'no rejection' : String(caught)}`);
  assert.equal(caught.code, code);
  if (details) assert.deepEqual(caught.details, details);
  return caught;
}

/** The same for a synchronous call. */
export function throwsWithCode(fn: () => unknown, code: string, details?: object): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof AppError, `expected AppError ${code}, got ${caught === undefined ? 'no throw' : String(caught)}`);
  assert.equal(caught.code, code);
  if (details) assert.deepEqual(caught.details, details);
  return caught;
}

/**
 * The code a promise rejects with, or `resolved` when it does not, so a table of outcomes reads as
 * one comparison; a rejection that is not an AppError fails the test.
 */
export async function codeOf(promise: Promise<unknown>, resolved = 'resolved'): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return err.code;
  }
  return resolved;
}
