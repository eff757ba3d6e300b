import { LocalizedText, Thumbnail } from '../../../../schemas/localizedText';
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
