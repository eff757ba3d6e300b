import { CrvsPacketContent } from '../../../../schemas/crvsOnline';
import type { DB } from '../Database';
import { sql } from '../sql';

/** Where a packet's online delivery stands (one row per CRVS packet, written only here). */
export interface CrvsOnlineRecord {
  readonly packetId: string;
  readonly rid: string;
  /** null once the workflow started (the content is no longer needed) */
  readonly content: CrvsPacketContent | null;
  /** when createPacket answered with the written packet */
  readonly createdAt: number | null;
  readonly workflowInstanceId: string | null;
  readonly workflowStartedAt: number | null;
}

interface Row {
  readonly packet_id: string;
  readonly rid: string;
  readonly payload: string | null;
  readonly created_at: number | null;
  readonly workflow_instance_id: string | null;
  readonly workflow_started_at: number | null;
}

/** Keeps a CRVS packet's createPacket content; call inside the transaction that inserts the packet. */
export function insertCrvsOnline(db: DB, packetId: string, content: CrvsPacketContent): void {
  const [q, p] = sql`INSERT INTO crvs_online (packet_id, rid, payload) VALUES (${packetId}, ${content.id}, ${JSON.stringify(content)})`;
  db.prepare(q).run(...p);
}

export function findCrvsOnline(db: DB, packetId: string): CrvsOnlineRecord | undefined {
  const [q, p] = sql`SELECT packet_id, rid, payload, created_at, workflow_instance_id, workflow_started_at FROM crvs_online WHERE packet_id = ${packetId}`;
  const row = db.prepare(q).get(...p) as Row | undefined;
  if (!row) return undefined;
  return {
    packetId: row.packet_id,
    rid: row.rid,
    // parsed on the way out: a row is only ever written from a parsed value, so a failure here is a bug
    content: row.payload === null ? null : CrvsPacketContent.parse(JSON.parse(row.payload)),
    createdAt: row.created_at,
    workflowInstanceId: row.workflow_instance_id,
    workflowStartedAt: row.workflow_started_at,
  };
}

/** Whether createPacket already succeeded for this packet (cheap: the content is not read). */
export function isCrvsCreated(db: DB, packetId: string): boolean {
  const [q, p] = sql`SELECT 1 AS created FROM crvs_online WHERE packet_id = ${packetId} AND created_at IS NOT NULL`;
  return db.prepare(q).get(...p) !== undefined;
}

/** createPacket succeeded: a retry must not create again. */
export function markCrvsCreated(db: DB, packetId: string, now: number): void {
  const [q, p] = sql`UPDATE crvs_online SET created_at = ${now} WHERE packet_id = ${packetId} AND created_at IS NULL`;
  db.prepare(q).run(...p);
}

/** workflowinstance succeeded (id null: MOSIP said it already had one); the content is dropped. */
export function markCrvsWorkflowStarted(db: DB, packetId: string, workflowInstanceId: string | null, now: number): void {
  const [q, p] = sql`UPDATE crvs_online SET workflow_instance_id = ${workflowInstanceId}, workflow_started_at = ${now}, payload = NULL, created_at = COALESCE(created_at, ${now}) WHERE packet_id = ${packetId}`;
  db.prepare(q).run(...p);
}
