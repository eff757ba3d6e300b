import { OpenCrvsAction } from '../../../../schemas/crvsBridge';
import type { DB } from '../Database';
import { sql } from '../sql';

/** Stores the OpenCRVS v2 action of a bridge event (call inside the event's own insert transaction). */
export function insertCrvsActionToken(db: DB, eventId: string, action: OpenCrvsAction): void {
  const [q, p] = sql`INSERT INTO crvs_action_tokens (event_id, opencrvs_event_id, action_id, token) VALUES (${eventId}, ${action.eventId}, ${action.actionId}, ${action.token})`;
  db.prepare(q).run(...p);
}

/** The OpenCRVS v2 action of a bridge event, if it came with one. */
export function findCrvsActionToken(db: DB, eventId: string): OpenCrvsAction | undefined {
  const [q, p] = sql`SELECT opencrvs_event_id AS eventId, action_id AS actionId, token FROM crvs_action_tokens WHERE event_id = ${eventId}`;
  const row = db.prepare(q).get(...p);
  return row === undefined ? undefined : OpenCrvsAction.parse(row);
}

/** Drops the token once the event is confirmed. */
export function deleteCrvsActionToken(db: DB, eventId: string): void {
  const [q, p] = sql`DELETE FROM crvs_action_tokens WHERE event_id = ${eventId}`;
  db.prepare(q).run(...p);
}
