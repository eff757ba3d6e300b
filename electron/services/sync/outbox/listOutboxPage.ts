import type { OutboxFilter, OutboxItem, OutboxState } from '../../../../schemas/outbox';
import type { Page, PageRequest } from '../../../../schemas/paging';
import type { DB } from '../../db/Database';
import { publicItem } from '../../db/repos/outbox';
import { pageOutbox } from '../../db/repos/outboxPage';
import { packetPeople } from './packetPeople';

/**
 * One page of outbox items for the EOD screens and `packets list`, oldest first, with the total
 * over the same filter. A function of the database alone, so the CLI lists without building the
 * sync services. The search runs in SQL over the stored summaries, so the page gets only the
 * matches and the total counts them all without loading them. `states` (a list's group) and the
 * filter's `state`/`states` narrow each other.
 * @throws AppError ERR_PAGE_CURSOR_INVALID
 */
export function listOutboxPage(db: DB, filter: OutboxFilter & PageRequest = {}, states?: readonly OutboxState[]): Page<OutboxItem> {
  const { withPerson, cursor, limit, state, states: asked, ...where } = filter;
  const sets = [state ? [state] : undefined, asked, states].filter((s): s is readonly OutboxState[] => s !== undefined);
  const both = sets.length === 0 ? undefined : sets.reduce((a, b) => a.filter((x) => b.includes(x)));
  if (both?.length === 0) return { items: [], total: 0, nextCursor: null };
  const page = pageOutbox(db, { ...where, ...(both ? { states: both } : {}) }, { cursor, limit });
  const items = page.items.map(publicItem);
  if (!withPerson) return { ...page, items };
  const people = packetPeople(db, items.map((i) => i.packetId));
  return { ...page, items: items.map((i) => ({ ...i, person: people.get(i.packetId) ?? null })) };
}
