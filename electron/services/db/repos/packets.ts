import type { DB } from '../Database';
import { sql } from '../sql';
import { assert } from '../../../../schemas/errors/assert';

export const PACKET_COLUMNS = ['packet_id', 'rid', 'process', 'centre_id', 'machine_id', 'file_name', 'size', 'sha256', 'status', 'meta', 'created_at'] as const;

/** A `packets` row as stored. */
export interface PacketRow {
  readonly packet_id: string;
  readonly rid: string;
  readonly process: string;
  readonly centre_id: string;
  readonly machine_id: string;
  readonly file_name: string;
  readonly size: number;
  /** uppercase hex SHA-256 of the file: the sync `packetHashValue` */
  readonly sha256: string;
  readonly status: string;
  /** JSON: subpacket sizes and metadata */
  readonly meta: string;
  readonly created_at: number;
}
PACKET_COLUMNS satisfies readonly (keyof PacketRow)[];

/** Inserts the packet row and its outbox job; call inside the caller's transaction. */
export function insertPacketWithJob(db: DB, row: PacketRow): void {
  const [q, p] = sql`INSERT INTO packets (packet_id, rid, process, centre_id, machine_id, file_name, size, sha256, status, meta, created_at)
    VALUES (${row.packet_id}, ${row.rid}, ${row.process}, ${row.centre_id}, ${row.machine_id}, ${row.file_name}, ${row.size}, ${row.sha256}, ${row.status}, ${row.meta}, ${row.created_at})`;
  db.prepare(q).run(...p);
  const [o, op] = sql`INSERT INTO outbox (packet_id, state, attempts, next_attempt_at, last_error, updated_at)
    VALUES (${row.packet_id}, 'PENDING', 0, ${row.created_at}, NULL, ${row.created_at})`;
  const result = db.prepare(o).run(...op);
  assert(result.changes === 1, `insertPacketWithJob: expected 1 outbox row, got ${result.changes}`);
}

export function listPackets(db: DB): PacketRow[] {
  const [q, p] = sql`SELECT packet_id, rid, process, centre_id, machine_id, file_name, size, sha256, status, meta, created_at FROM packets ORDER BY created_at, packet_id`;
  return db.prepare(q).all(...p) as PacketRow[];
}

export function getPacket(db: DB, packetId: string): PacketRow | undefined {
  const [q, p] = sql`SELECT packet_id, rid, process, centre_id, machine_id, file_name, size, sha256, status, meta, created_at FROM packets WHERE packet_id = ${packetId}`;
  return db.prepare(q).get(...p) as PacketRow | undefined;
}

/** File names the database knows, for startup reconciliation (STYLE rule 46). */
export function knownPacketFiles(db: DB): Set<string> {
  const [q, p] = sql`SELECT file_name FROM packets`;
  return new Set((db.prepare(q).all(...p) as { file_name: string }[]).map((r) => r.file_name));
}

/** Outbox jobs of one packet (tests and the sync engine). */
export function outboxJobs(db: DB, packetId: string): { state: string; attempts: number }[] {
  const [q, p] = sql`SELECT state, attempts FROM outbox WHERE packet_id = ${packetId}`;
  return db.prepare(q).all(...p) as { state: string; attempts: number }[];
}
