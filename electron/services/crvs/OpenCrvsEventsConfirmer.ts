import { randomUUID } from 'node:crypto';
import type { CrvsEvent, OpenCrvsAction } from '../../../schemas/crvsBridge';
import { AppError } from '../../../schemas/errors';
import type { CrvsConfirmer } from './OpenCrvsConfirmer';

/** The tRPC procedure OpenCRVS v2 accepts a registration by (opencrvs-core events router). */
export const REGISTER_ACCEPT_PROCEDURE = 'event.actions.register.accept';

/**
 * OpenCRVS v2's confirm call, as its MOSIP mediator makes it (opencrvs/mosip 1.9,
 * `packages/mosip-api/src/opencrvs-api.ts` `confirmRegistration`): the tRPC mutation
 * `event.actions.register.accept` at `<gateway>/events`, sent by `@opencrvs/toolkit`'s client
 * (`httpBatchLink` + superjson: `POST …/event.actions.register.accept?batch=1`, body
 * `{"0": {"json": input}}`), with input `{transactionId: 'mosip-interop-<uuid>', eventId, actionId,
 * registrationNumber, declaration: {'child.nid': nid}}` — a death's declaration carries no nid —
 * and the action-confirmation token the event came with (opencrvs-core
 * `requireActionConfirmationAuthorization`: its eventId / actionId claims must match). OpenCRVS
 * answers an accept it already took with the event and records nothing new, so a call repeated
 * after a crash confirms once.
 */
export class OpenCrvsEventsConfirmer implements CrvsConfirmer {
  readonly #url: string;
  readonly #timeoutMs: number;

  /** `url`: OpenCRVS's events tRPC base, `<gateway>/events`. */
  constructor(o: Readonly<{ url: string; timeoutMs?: number }>) {
    this.#url = `${o.url.replace(/\/+$/, '')}/${REGISTER_ACCEPT_PROCEDURE}?batch=1`;
    this.#timeoutMs = o.timeoutMs ?? 15_000;
  }

  async confirm(event: Readonly<CrvsEvent>, action?: Readonly<OpenCrvsAction>): Promise<void> {
    if (event.kind === 'CORRECTION') return;
    // an event taken before the bridge spoke v2 has no token: only OpenCRVS can issue one
    if (!action) throw new AppError('ERR_CRVS_CONFIRM_REFUSED', { eventId: event.eventId, reason: 'no OpenCRVS action token for this event' });
    const input = {
      transactionId: `mosip-interop-${randomUUID()}`,
      eventId: action.eventId,
      actionId: action.actionId,
      registrationNumber: event.registrationNumber,
      declaration: event.kind === 'BIRTH' ? { 'child.nid': event.nationalId ?? '' } : {},
    };
    let status: number;
    let text: string;
    try {
      const res = await fetch(this.#url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${action.token}` },
        body: JSON.stringify({ 0: { json: input } }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      status = res.status;
      text = (await res.text()).slice(0, 2000);
    } catch (cause) {
      throw new AppError('ERR_CRVS_CONFIRM_FAILED', { eventId: event.eventId, reason: (cause as Error).message.slice(0, 200) }, { cause });
    }
    // tRPC answers an error with its HTTP status: a 4xx (token expired or refused 401/403, action
    // unknown 404, already rejected or malformed 400) will not pass by sending it again
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new AppError('ERR_CRVS_CONFIRM_REFUSED', { eventId: event.eventId, reason: `HTTP ${status}` });
    if (status < 200 || status >= 300 || !/^\s*\[\s*\{\s*"result"/.test(text)) throw new AppError('ERR_CRVS_CONFIRM_FAILED', { eventId: event.eventId, reason: `HTTP ${status}` });
  }
}
