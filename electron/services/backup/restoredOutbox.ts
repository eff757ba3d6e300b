import type { DB } from '../db/Database';
import { sql } from '../db/sql';

/**
 * After a restore, every packet that may have left the machine after the backup was taken (RID
 * synced, uploaded, or in flight since) is put where an exported packet is: the next sync asks the
 * server for its status first, and sends only what the server lacks (OutboxService exportedPhase:
 * known → UPLOADED/DONE, RID-synced only → upload, unknown → RID sync and upload). Without it a
 * packet uploaded between the backup and the loss would go up a second time.
 * @returns how many packets will be checked with the server first
 */
export function askServerFirstAfterRestore(db: DB, now: number): number {
  const [q, p] = sql`UPDATE outbox SET state = 'EXPORTED', next_attempt_at = ${now}, updated_at = ${now} WHERE state IN ('READY', 'SYNCED', 'UPLOADING')`;
  return db.prepare(q).run(...p).changes;
}
