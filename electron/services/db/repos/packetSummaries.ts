import type { DB } from '../Database';
import { sql } from '../sql';
import { indexPacketNames } from './packetNameSearch';
import { assert } from '../../../../schemas/errors/assert';

/** A `packet_summaries` row as stored. */
export interface PacketSummaryRow {
  readonly packet_id: string;
  readonly rid: string;
  /** JSON of a `PacketSummary` (schemas/packetSummary.ts) */
  readonly json: string;
  readonly created_at: number;
}

/** Inserts a packet's summary and indexes its names for search; call inside the transaction that commits the packet row. */
export function insertPacketSummary(db: DB, row: PacketSummaryRow): void {
  const [q, p] = sql`INSERT INTO packet_summaries (packet_id, rid, json, created_at) VALUES (${row.packet_id}, ${row.rid}, ${row.json}, ${row.created_at})`;
  const result = db.prepare(q).run(...p);
  assert(result.changes === 1, `insertPacketSummary: expected 1 change, got ${result.changes}`);
  indexPacketNames(db, row.packet_id);
}

/** The stored summary JSON of a packet, by RID. */
export function getPacketSummaryJson(db: DB, rid: string): string | undefined {
  const [q, p] = sql`SELECT json FROM packet_summaries WHERE rid = ${rid}`;
  return (db.prepare(q).get(...p) as { json: string } | undefined)?.json;
}

/** Deletes a packet's summary; returns whether there was one (packets built by the CLI have none). */
export function deletePacketSummary(db: DB, packetId: string): boolean {
  const [q, p] = sql`DELETE FROM packet_summaries WHERE packet_id = ${packetId}`;
  return db.prepare(q).run(...p).changes === 1;
}

/** The resident's name (JSON of a LocalizedText) and face thumbnail stored in each packet's summary, by packet id. */
export interface PacketPersonRow {
  readonly packet_id: string;
  readonly resident_name: string | null;
  readonly photo: string | null;
}

/** Name and thumbnail of the given packets (those without a summary are absent), read from the JSON in SQL so the rest stays on disk. */
export function listPacketPeople(db: DB, packetIds: readonly string[]): PacketPersonRow[] {
  const [q, p] = sql`SELECT packet_id, json_extract(json, '$.residentName') AS resident_name, json_extract(json, '$.photo') AS photo
    FROM packet_summaries WHERE json_valid(json) AND packet_id IN (SELECT value FROM json_each(${JSON.stringify(packetIds)}))`;
  return db.prepare(q).all(...p) as PacketPersonRow[];
}
