import { z } from 'zod';
import { AppError } from '../../../schemas/errors';
import { PAGE_SIZE_DEFAULT, type Page } from '../../../schemas/paging';

/** A keyset position: the ordering columns of the last row shown, unique tiebreak last. */
export type CursorKey = readonly (string | number)[];

const Envelope = z.object({ l: z.string(), k: z.array(z.union([z.string().max(200), z.number().int()])).min(1).max(4) }).strict();

/**
 * Writes the cursor after `key` for list `list`. The list name travels inside, so a cursor of the
 * audit list handed to the packet list is refused instead of read as the wrong columns.
 */
export function encodeCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ l: list, k: key }), 'utf8').toString('base64url');
}

/**
 * Reads a cursor this list wrote; `shape` checks each key column's type.
 * @throws AppError ERR_PAGE_CURSOR_INVALID (field `cursor`): not base64url JSON, another list's, or the wrong key shape
 */
export function decodeCursor<K extends z.ZodType<CursorKey>>(list: string, shape: K, cursor: string): z.infer<K> {
  const invalid = (cause?: unknown) => new AppError('ERR_PAGE_CURSOR_INVALID', { field: 'cursor', list }, cause === undefined ? {} : { cause });
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalid(cause);
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success || envelope.data.l !== list) throw invalid();
  const key = shape.safeParse(envelope.data.k);
  if (!key.success) throw invalid();
  return key.data;
}

/** The page size asked for, or the default (the contract bounds it; callers in-process are bounded here too). */
export function pageSize(limit: number | undefined): number {
  const n = limit ?? PAGE_SIZE_DEFAULT;
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new TypeError(`pageSize: expected 1..500, got ${n}`);
  return n;
}

/**
 * Cuts the `limit + 1` rows a keyset query fetched into a page: the extra row only says a next
 * page exists, so no second query is needed to know it.
 */
export function toPage<R, T>(rows: readonly R[], limit: number, total: number, list: string, keyOf: (row: R) => CursorKey, map: (row: R) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(map), total, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, keyOf(last)) : null };
}
