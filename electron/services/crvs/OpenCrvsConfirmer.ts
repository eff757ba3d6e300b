import { AppError } from '../../../schemas/errors';
import type { CrvsEvent, OpenCrvsAction } from '../../../schemas/crvsBridge';

/** Tells the CRVS system an event's national ID (a death: that the identity is marked deceased). */
export interface CrvsConfirmer {
  /**
   * `action`: the event's OpenCRVS v2 action and token, when it arrived with one.
   * @throws AppError ERR_CRVS_CONFIRM_FAILED (kept and retried), ERR_CRVS_CONFIRM_REFUSED (parked)
   */
  confirm(event: Readonly<CrvsEvent>, action?: Readonly<OpenCrvsAction>): Promise<void>;
}

/** The comment a death's confirmation carries: OpenCRVS has no identifier for a deceased flag. */
export const DECEASED_COMMENT = 'MOSIP: identity marked deceased';

/**
 * OpenCRVS's confirm call as its MOSIP mediator makes it (opencrvs/mosip
 * `packages/mosip-api/src/opencrvs-api.ts` `confirmRegistration`, called from
 * `routes/websub-credential-issued.ts`): the GraphQL mutation `confirmRegistration(id, details)`
 * with `registrationNumber` and, for a birth, `identifiers: [{ type: 'NATIONAL_ID', value }]`;
 * a death is confirmed without identifiers. The bridge authenticates with its own system-client
 * token (opencrvs-core CHANGELOG 2.1.0: "authenticate the callback with their own client_credentials token").
 * OpenCRVS v2 confirms through its events API instead: OpenCrvsEventsConfirmer.
 */
export class OpenCrvsConfirmer implements CrvsConfirmer {
  readonly #url: string;
  readonly #token: () => string;
  readonly #timeoutMs: number;

  constructor(o: Readonly<{ url: string; token: () => string; timeoutMs?: number }>) {
    this.#url = o.url;
    this.#token = o.token;
    this.#timeoutMs = o.timeoutMs ?? 15_000;
  }

  async confirm(event: Readonly<CrvsEvent>): Promise<void> {
    // a correction is final in the civil registry already: OpenCRVS waits for no identifier back
    if (event.kind === 'CORRECTION') return;
    const details = event.kind === 'BIRTH'
      ? { registrationNumber: event.registrationNumber, identifiers: [{ type: 'NATIONAL_ID', value: event.nationalId ?? '' }] }
      : { registrationNumber: event.registrationNumber, comment: DECEASED_COMMENT };
    const body = JSON.stringify({
      query: 'mutation confirmRegistration($id: ID!, $details: ConfirmRegistrationInput!) { confirmRegistration(id: $id, details: $details) }',
      variables: { id: event.eventId, details },
    });
    let status: number;
    let text: string;
    try {
      const res = await fetch(this.#url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token()}` }, body, signal: AbortSignal.timeout(this.#timeoutMs) });
      status = res.status;
      text = (await res.text()).slice(0, 2000);
    } catch (cause) {
      throw new AppError('ERR_CRVS_CONFIRM_FAILED', { eventId: event.eventId, reason: (cause as Error).message.slice(0, 200) }, { cause });
    }
    // GraphQL reports a refused mutation as 200 with `errors`
    if (status < 200 || status >= 300 || /"errors"\s*:\s*\[\s*\{/.test(text)) throw new AppError('ERR_CRVS_CONFIRM_FAILED', { eventId: event.eventId, reason: `HTTP ${status}` });
  }
}
