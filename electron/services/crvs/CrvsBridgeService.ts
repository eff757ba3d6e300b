import type { CrvsEvent, CrvsEventState, CrvsRevocation, OpenCrvsAction } from '../../../schemas/crvsBridge';
import { AppError, errorSpec, isAppError } from '../../../schemas/errors';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { deleteCrvsActionToken, findCrvsActionToken, insertCrvsActionToken } from '../db/repos/crvsActionTokens';
import { dueCrvsEvents, findCrvsEvent, findCrvsEventByRid, insertCrvsEvent, listCrvsEvents, patchCrvsEvent, type CrvsEventRecord } from '../db/repos/crvsEvents';
import { backoffDelay, type BackoffOptions } from '../sync/backoff';
import type { CrvsDelivery } from './CrvsDelivery';
import type { CrvsConfirmer } from './OpenCrvsConfirmer';
import type { AcceptedEvent } from './parseInteropPayload';

export interface CrvsBridgeServiceDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly delivery: CrvsDelivery;
  readonly confirmer: CrvsConfirmer;
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
}

/** What a credential did to the bridge's events. */
export type IssueOutcome = 'issued' | 'already' | 'unknown';

/** What one pass did, for the loop and the log. */
export interface BridgePass {
  readonly delivered: number;
  readonly confirmed: number;
  readonly failed: number;
}

function toPublic(r: CrvsEventRecord): CrvsEvent {
  const { payload: _payload, nextAttemptAt: _next, ...event } = r;
  return event;
}

/**
 * The bridge's event store and its steps: accept (store once, never block), deliver (through the
 * one CrvsDelivery), issue (the credential named the RID), confirm (tell the CRVS system). Every
 * step is a compare-and-set on the event's state, so a step repeated after a crash does nothing.
 */
export class CrvsBridgeService {
  readonly #d: CrvsBridgeServiceDeps;

  constructor(deps: CrvsBridgeServiceDeps) {
    this.#d = deps;
  }

  /**
   * Stores a new event (audited), with its OpenCRVS v2 action when it came with one (the token the
   * confirmation needs, in the same commit); false when its id is already stored (nothing written).
   */
  accept(event: AcceptedEvent, action?: OpenCrvsAction): boolean {
    const d = this.#d;
    return d.db.transaction(() => {
      const stored = insertCrvsEvent(d.db, { eventId: event.eventId, trackingId: event.payload.trackingId, kind: event.kind, registrationNumber: event.registrationNumber, payload: JSON.stringify(event.payload) }, d.clock.now());
      if (stored && action) insertCrvsActionToken(d.db, event.eventId, action);
      if (stored) d.audit.append('CRVS_EVENT_RECEIVED', null, { eventId: event.eventId, kind: event.kind });
      return stored;
    }).immediate();
  }

  /** MOSIP issued a credential for `rid`: the event of that RID learns its national ID (once). */
  issue(rid: string, nationalId: string): IssueOutcome {
    const d = this.#d;
    return d.db.transaction((): IssueOutcome => {
      const event = findCrvsEventByRid(d.db, rid);
      if (!event) return 'unknown';
      if (event.state !== 'QUEUED') return 'already';
      const now = d.clock.now();
      patchCrvsEvent(d.db, event.eventId, 'QUEUED', { state: 'ISSUED', nationalId, deceased: event.kind === 'DEATH', attempts: 0, nextAttemptAt: now, lastErrorCode: null }, now);
      d.audit.append('CRVS_ID_ISSUED', null, { eventId: event.eventId, rid });
      return 'issued';
    }).immediate();
  }

  /**
   * Records a revocation of an event the bridge holds, as an event of its own, parked at once: a
   * revoked death would be a death-reversal request, which MOSIP 1.2 routes to manual verification
   * with no API a client calls (ERR_CRVS_NO_MOSIP_API); a revoked birth is recorded and reported
   * (ERR_CRVS_BIRTH_REVOKED). False when this revocation is already recorded.
   * @throws AppError ERR_CRVS_EVENT_NOT_FOUND (the revoked event), nothing stored
   */
  revoke(revocation: CrvsRevocation): boolean {
    const d = this.#d;
    return d.db.transaction(() => {
      const revoked = findCrvsEvent(d.db, revocation.revokes);
      if (!revoked || revoked.kind.endsWith('_REVOKED')) throw new AppError('ERR_CRVS_EVENT_NOT_FOUND', { eventId: revocation.revokes });
      const kind = revoked.kind === 'BIRTH' ? 'BIRTH_REVOKED' : 'DEATH_REVOKED';
      const now = d.clock.now();
      if (!insertCrvsEvent(d.db, { eventId: revocation.eventId, trackingId: revoked.trackingId, kind, registrationNumber: revoked.registrationNumber, payload: JSON.stringify(revocation) }, now)) return false;
      const code = kind === 'BIRTH_REVOKED' ? 'ERR_CRVS_BIRTH_REVOKED' : 'ERR_CRVS_NO_MOSIP_API';
      patchCrvsEvent(d.db, revocation.eventId, 'RECEIVED', { state: 'PARKED', rid: null, lastErrorCode: code }, now);
      d.audit.append('CRVS_EVENT_REVOKED', null, { eventId: revocation.eventId, revokes: revocation.revokes, kind, code });
      return true;
    }).immediate();
  }

  list(state?: CrvsEventState): CrvsEvent[] {
    return listCrvsEvents(this.#d.db, state).map(toPublic);
  }

  /**
   * A parked event goes back to RECEIVED (no packet yet) or ISSUED (confirmation pending) for the
   * next pass. The caller checked the supervisor (as `packets requeue` does).
   * @throws AppError ERR_CRVS_EVENT_NOT_FOUND, ERR_CRVS_EVENT_NOT_PARKED
   */
  replay(eventId: string, actor: string): CrvsEvent {
    const d = this.#d;
    return d.db.transaction(() => {
      const event = findCrvsEvent(d.db, eventId);
      if (!event) throw new AppError('ERR_CRVS_EVENT_NOT_FOUND', { eventId });
      if (event.state !== 'PARKED') throw new AppError('ERR_CRVS_EVENT_NOT_PARKED', { eventId, state: event.state });
      const now = d.clock.now();
      const to = event.nationalId === null ? 'RECEIVED' : 'ISSUED';
      const next = patchCrvsEvent(d.db, eventId, 'PARKED', { state: to, attempts: 0, nextAttemptAt: now, lastErrorCode: null }, now)!;
      d.audit.append('CRVS_EVENT_REPLAYED', actor, { eventId, to });
      return toPublic(next);
    }).immediate();
  }

  /** The earliest time a RECEIVED or ISSUED event is due again, if any. */
  nextDueAt(): number | undefined {
    const due = [...listCrvsEvents(this.#d.db, 'RECEIVED'), ...listCrvsEvents(this.#d.db, 'ISSUED')].map((e) => e.nextAttemptAt);
    return due.length ? Math.min(...due) : undefined;
  }

  /** Delivers every due RECEIVED event, then confirms every due ISSUED one. */
  async pass(): Promise<BridgePass> {
    const d = this.#d;
    let delivered = 0;
    let confirmed = 0;
    let failed = 0;
    for (const event of dueCrvsEvents(d.db, 'RECEIVED', d.clock.now())) {
      try {
        // a replayed revocation: still nothing MOSIP takes, so it goes back to parked
        if (event.kind === 'DEATH_REVOKED') throw new AppError('ERR_CRVS_NO_MOSIP_API', { eventId: event.eventId, step: 'death reversal' });
        if (event.kind === 'BIRTH_REVOKED') throw new AppError('ERR_CRVS_BIRTH_REVOKED', { eventId: event.eventId, revokes: event.trackingId });
        await d.delivery.deliver(event);
        delivered += 1;
      } catch (err) {
        failed += 1;
        this.#failed(event, err, true);
      }
    }
    for (const event of dueCrvsEvents(d.db, 'ISSUED', d.clock.now())) {
      try {
        await d.confirmer.confirm(toPublic(event), findCrvsActionToken(d.db, event.eventId));
        const now = d.clock.now();
        const done = d.db.transaction(() => {
          if (!patchCrvsEvent(d.db, event.eventId, 'ISSUED', { state: 'CONFIRMED', confirmedAt: now, lastErrorCode: null }, now)) return false;
          deleteCrvsActionToken(d.db, event.eventId);
          d.audit.append('CRVS_EVENT_CONFIRMED', null, { eventId: event.eventId, rid: event.rid });
          return true;
        }).immediate();
        if (done) confirmed += 1;
      } catch (err) {
        failed += 1;
        this.#failed(event, err, false);
      }
    }
    return { delivered, confirmed, failed };
  }

  /**
   * A failed step: a delivery the packet engine refused (its input), or a confirmation whose
   * credentials the CRVS system refused (`park`), parks the event for a person; anything else
   * (server, network, disk, the CRVS system down) is retried with backoff.
   */
  #failed(event: CrvsEventRecord, err: unknown, isDelivery: boolean): void {
    const d = this.#d;
    const code = isAppError(err) ? err.code : 'ERR_INTERNAL';
    const retry = isAppError(err) ? errorSpec(err.code).retry : 'fatal';
    const now = d.clock.now();
    const park = retry === 'park' || (isDelivery && retry === 'fatal');
    if (park) {
      const first = isAppError(err) ? String((err.details as { first?: unknown }).first ?? err.message).slice(0, 200) : 'internal error';
      if (patchCrvsEvent(d.db, event.eventId, event.state, { state: 'PARKED', attempts: event.attempts + 1, lastErrorCode: code }, now)) {
        d.audit.append('CRVS_EVENT_PARKED', null, { eventId: event.eventId, code, first });
      }
      return;
    }
    const delay = backoffDelay(Math.min(event.attempts, 30), d.random ?? Math.random, d.backoff);
    patchCrvsEvent(d.db, event.eventId, event.state, { attempts: event.attempts + 1, nextAttemptAt: now + delay, lastErrorCode: code }, now);
  }
}
