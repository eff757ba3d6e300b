import { Thumbnail } from '../../../../schemas/packetSummary';
import { LocalizedText } from '../../../../schemas/uiSpec';
import type { OutboxItem } from '../../../../schemas/outbox';
import type { DB } from '../../db/Database';
import { listPacketPeople } from '../../db/repos/packetSummaries';

export type PacketPerson = NonNullable<OutboxItem['person']>;

/**
 * Name and face thumbnail per packet id, from the stored review summaries. A summary whose name or
 * photo does not parse (written by a later version, say) gives no person rather than a broken row.
 */
export function packetPeople(db: DB, packetIds: readonly string[]): Map<string, PacketPerson> {
  const out = new Map<string, PacketPerson>();
  for (const row of listPacketPeople(db, packetIds)) {
    const name = LocalizedText.safeParse(row.resident_name === null ? {} : JSON.parse(row.resident_name));
    const photo = Thumbnail.safeParse(row.photo);
    if (name.success && photo.success) out.set(row.packet_id, { residentName: name.data, photo: photo.data });
  }
  return out;
}

/** Lower case without accents: operators type "Conceicao" for "Conceição". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/**
 * Whether a packet matches what the supervisor typed: digits are part of the RID (spaces
 * ignored); words must each appear in the resident's name in one of the data languages.
 */
export function matchesSearch(rid: string, person: PacketPerson | undefined, search: string): boolean {
  const digits = search.replace(/\s+/g, '');
  if (/^\d+$/.test(digits)) return rid.includes(digits);
  const words = fold(search).split(/\s+/).filter(Boolean);
  return Object.values(person?.residentName ?? {}).some((name) => {
    const folded = fold(name);
    return words.every((w) => folded.includes(w));
  });
}
