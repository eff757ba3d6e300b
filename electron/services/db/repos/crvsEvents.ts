import { CrvsEvent, type CrvsEventKind, type CrvsEventState } from '../../../../schemas/crvsBridge';
import { assert } from '../../../../schemas/errors/assert';
import type { DB } from '../Database';
import { sql } from '../sql';

/** A `crvs_events` row as stored (0/1 and null). */
interface CrvsEventRow {
  readonly event_id: string;
  readonly tracking_id: string;
  readonly kind: string;
  readonly registration_number: string;
  readonly payload: string;
  readonly state: string;
  readonly rid: string | null;
  readonly national_id: string | null;
  readonly deceased: number;
  readonly attempts: number;
  readonly next_attempt_at: number;
  readonly last_error: string | null;
  readonly received_at: number;
  readonly updated_at: number;
  readonly confirmed_at: number | null;
}

/** An event with what the bridge needs that `crvs list` does not show. */
export interface CrvsEventRecord extends CrvsEvent {
  /** the webhook body as parsed and stored (JSON) */
  readonly payload: string;
  readonly nextAttemptAt: number;
}

export interface NewCrvsEvent {
  readonly eventId: string;
  readonly trackingId: string;
  readonly kind: CrvsEventKind;
  readonly registrationNumber: string;
  readonly payload: string;
}

/** The columns a step may change. */
export interface CrvsEventPatch {
  readonly state?: CrvsEventState;
  readonly rid?: string | null;
  readonly nationalId?: string | null;
  readonly deceased?: boolean;
  readonly attempts?: number;
  readonly nextAttemptAt?: number;
  readonly lastErrorCode?: string | null;
  readonly confirmedAt?: number | null;
}

function hydrate(r: CrvsEventRow): CrvsEventRecord {
  const event = CrvsEvent.parse({
    eventId: r.event_id, trackingId: r.tracking_id, kind: r.kind, registrationNumber: r.registration_number, state: r.state,
    rid: r.rid, nationalId: r.national_id, deceased: r.deceased === 1, receivedAt: r.received_at, updatedAt: r.updated_at,
    confirmedAt: r.confirmed_at, attempts: r.attempts, lastErrorCode: r.last_error,
  });
  return { ...event, payload: r.payload, nextAttemptAt: r.next_attempt_at };
}

/** Stores a new event; false (and nothing written) when one with its id is already there. */
export function insertCrvsEvent(db: DB, e: NewCrvsEvent, now: number): boolean {
  const [q, p] = sql`INSERT INTO crvs_events (event_id, tracking_id, kind, registration_number, payload, state, next_attempt_at, received_at, updated_at)
    VALUES (${e.eventId}, ${e.trackingId}, ${e.kind}, ${e.registrationNumber}, ${e.payload}, 'RECEIVED', ${now}, ${now}, ${now})
    ON CONFLICT (event_id) DO NOTHING`;
  return db.prepare(q).run(...p).changes === 1;
}

export function findCrvsEvent(db: DB, eventId: string): CrvsEventRecord | undefined {
  const [q, p] = sql`SELECT * FROM crvs_events WHERE event_id = ${eventId}`;
  const row = db.prepare(q).get(...p) as CrvsEventRow | undefined;
  return row && hydrate(row);
}

export function findCrvsEventByRid(db: DB, rid: string): CrvsEventRecord | undefined {
  const [q, p] = sql`SELECT * FROM crvs_events WHERE rid = ${rid}`;
  const row = db.prepare(q).get(...p) as CrvsEventRow | undefined;
  return row && hydrate(row);
}

/** Every event, oldest first; only those in `state` when given. */
export function listCrvsEvents(db: DB, state?: CrvsEventState): CrvsEventRecord[] {
  const [q, p] = state === undefined ? sql`SELECT * FROM crvs_events ORDER BY received_at, event_id` : sql`SELECT * FROM crvs_events WHERE state = ${state} ORDER BY received_at, event_id`;
  return (db.prepare(q).all(...p) as CrvsEventRow[]).map(hydrate);
}

/** Events in `state` whose next attempt is due at `now`, oldest first. */
export function dueCrvsEvents(db: DB, state: CrvsEventState, now: number): CrvsEventRecord[] {
  const [q, p] = sql`SELECT * FROM crvs_events WHERE state = ${state} AND next_attempt_at <= ${now} ORDER BY received_at, event_id`;
  return (db.prepare(q).all(...p) as CrvsEventRow[]).map(hydrate);
}

/**
 * Applies `patch` only while the event is still in `expected` state (compare-and-set: two steps
 * never both move one event). Returns the updated record, or undefined when the state had changed.
 */
export function patchCrvsEvent(db: DB, eventId: string, expected: CrvsEventState, patch: CrvsEventPatch, now: number): CrvsEventRecord | undefined {
  const cur = findCrvsEvent(db, eventId);
  if (!cur || cur.state !== expected) return undefined;
  const n = { ...cur, ...patch };
  const [q, p] = sql`UPDATE crvs_events SET state = ${n.state}, rid = ${n.rid}, national_id = ${n.nationalId}, deceased = ${n.deceased ? 1 : 0},
    attempts = ${n.attempts}, next_attempt_at = ${n.nextAttemptAt}, last_error = ${n.lastErrorCode}, confirmed_at = ${n.confirmedAt}, updated_at = ${now}
    WHERE event_id = ${eventId} AND state = ${expected}`;
  const changes = db.prepare(q).run(...p).changes;
  assert(changes === 1, `patchCrvsEvent: expected 1 change for ${eventId}, got ${changes}`);
  return { ...n, updatedAt: now };
}
