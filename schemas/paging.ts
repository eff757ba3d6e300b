import { z } from 'zod';

/** Rows a page holds when the caller does not say: one screen of the approval queue. */
export const PAGE_SIZE_DEFAULT = 50;
/** The most one call returns, so no caller can ask for the whole table through IPC (issue 17). */
export const PAGE_SIZE_MAX = 500;

/**
 * An opaque keyset cursor: the position after the last row of the previous page, as the back end
 * wrote it (base64url). Only its outer form is checked here; what it holds is checked where it is
 * read (ERR_PAGE_CURSOR_INVALID), since only the list that wrote it knows its key.
 */
export const PageCursor = z.string().min(1).max(512).regex(/^[A-Za-z0-9_-]+$/, 'a cursor from the previous page');
export type PageCursor = z.infer<typeof PageCursor>;

/** What every paged list takes besides its filters. */
export const PageRequest = z.object({
  /** absent: the first page */
  cursor: PageCursor.optional(),
  /** rows per page, 1..PAGE_SIZE_MAX; PAGE_SIZE_DEFAULT when absent */
  limit: z.number().int().min(1).max(PAGE_SIZE_MAX).optional(),
});
export type PageRequest = z.infer<typeof PageRequest>;

/**
 * The one page shape of every list: `items` in a stable order, `total` rows matching the same
 * filter (all pages), and the cursor of the next page (null on the last).
 */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative(), nextCursor: PageCursor.nullable() });
}

/** The TypeScript side of {@link page}, for code generic over the item type. */
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };
