import type { OutboxItem } from '../../../../../../schemas/outbox';

/** A change to a list of outbox items, by packet id (STYLE rule 37). */
export type OutboxItemsAction =
  | { readonly type: 'replaceAll'; readonly items: readonly OutboxItem[] }
  | { readonly type: 'upsert'; readonly item: OutboxItem }
  | { readonly type: 'remove'; readonly packetId: string };

function byCreation(a: OutboxItem, b: OutboxItem): number {
  // the back end's order (outbox repo: ORDER BY created_at, packet_id)
  return a.createdAt - b.createdAt || (a.packetId < b.packetId ? -1 : a.packetId > b.packetId ? 1 : 0);
}

/** Pure list update: replaces one item in place, adds it in creation order, or drops it. */
export function outboxItemsReducer(items: readonly OutboxItem[], action: OutboxItemsAction): readonly OutboxItem[] {
  switch (action.type) {
    case 'replaceAll':
      return [...action.items].sort(byCreation);
    case 'upsert': {
      const index = items.findIndex((i) => i.packetId === action.item.packetId);
      if (index === -1) return [...items, action.item].sort(byCreation);
      return items.map((item, n) => (n === index ? action.item : item));
    }
    case 'remove':
      return items.some((i) => i.packetId === action.packetId) ? items.filter((i) => i.packetId !== action.packetId) : items;
    default: {
      const unknown: never = action;
      throw new TypeError(`outboxItemsReducer: unknown action ${JSON.stringify(unknown)}`);
    }
  }
}

/** States `outbox.list` returns as in flight (sync handlers): approved or rejected, not yet done. */
export const IN_FLIGHT_STATES: ReadonlySet<OutboxItem['state']> = new Set(['READY', 'SYNCED', 'UPLOADING', 'UPLOADED', 'EXPORTED']);

/** Moves one changed item (from `outbox.onDidChange`) into the list it now belongs to, out of the other. */
export function applyOutboxChange(
  lists: Readonly<{ inFlight: readonly OutboxItem[]; parked: readonly OutboxItem[] }>,
  item: OutboxItem,
): { inFlight: readonly OutboxItem[]; parked: readonly OutboxItem[] } {
  const remove = { type: 'remove', packetId: item.packetId } as const;
  const upsert = { type: 'upsert', item } as const;
  return {
    inFlight: outboxItemsReducer(lists.inFlight, IN_FLIGHT_STATES.has(item.state) ? upsert : remove),
    parked: outboxItemsReducer(lists.parked, item.state === 'PARKED' ? upsert : remove),
  };
}
