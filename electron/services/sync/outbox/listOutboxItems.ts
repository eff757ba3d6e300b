import type { OutboxFilter, OutboxItem } from '../../../../schemas/outbox';
import type { DB } from '../../db/Database';
import { listOutbox, publicItem } from '../../db/repos/outbox';
import { matchesSearch, packetPeople } from './packetPeople';

/**
 * Outbox items for the EOD screens and `packets list`. A function of the database alone, so that
 * `regclient packets list` reads it without building the sync services (and their start-up cost).
 */
export function listOutboxItems(db: DB, filter: OutboxFilter = {}): OutboxItem[] {
  const { search, withPerson, ...where } = filter;
  const items = listOutbox(db, where).map(publicItem);
  if (search === undefined && !withPerson) return items;
  // the summaries hold the names: searched here, in the main process, so the page gets only the matches
  const people = packetPeople(db, items.map((i) => i.packetId));
  const found = search === undefined ? items : items.filter((i) => matchesSearch(i.rid, people.get(i.packetId), search));
  return withPerson ? found.map((i) => ({ ...i, person: people.get(i.packetId) ?? null })) : found;
}
