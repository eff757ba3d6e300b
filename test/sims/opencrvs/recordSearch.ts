import { randomUUID } from 'node:crypto';
import type { ApiReply, OpenCrvsEventsApi } from './eventsApi';

/**
 * OpenCRVS's record search for an integration client, written from opencrvs-core (HEAD 11a599e),
 * never from the client's code:
 * - `POST /auth/token` with `grant_type=client_credentials`, `client_id`, `client_secret` (form or
 *   query): `{access_token, token_type: 'Bearer'}`; a wrong client 401 `invalid_client`, a missing
 *   parameter 400 `invalid_request`, another grant 400 `unsupported_grant_type`
 *   (`packages/auth/src/features/oauthToken/client-credentials.ts`, `responses.ts`, `handler.ts`);
 *   the token carries the client's scopes (`type=record.search`), `userType: system`;
 * - `POST /api/events/events/search`, the REST face (trpc-to-openapi, base `/api/events`) of tRPC
 *   `event.search` (`packages/events/src/router/event/index.ts`): a token (401), the scope
 *   `record.search` (`canSearchEvents`, 403), a `SearchQuery` body (`{query: {type, clauses}, limit,
 *   offset}`, `packages/commons/src/events/EventIndex.ts`; 400), answered `{results: EventIndex[],
 *   total}` — here clauses on `legalStatuses.REGISTERED.registrationNumber` `{type: 'exact', term}`
 *   are matched exactly; other clauses match nothing.
 * Records are the reference country configuration's birth form (`child.name`, `child.dob`,
 * `child.gender`, `mother.name`, `mother.nid`).
 */

/** A registered birth as a test adds it. */
export interface RegistryBirth {
  readonly registrationNumber: string;
  readonly registeredOn: string;
  readonly child: { readonly firstname: string; readonly surname: string; readonly dob: string; readonly gender: string };
  readonly mother?: { readonly firstname: string; readonly surname: string; readonly nid?: string };
}

export class OpenCrvsRecordSearch {
  /** system clients: id → secret (each with the record.search scope) */
  readonly clients = new Map<string, string>();
  readonly #records: Record<string, unknown>[] = [];
  /** searches answered (tests count them) */
  searches = 0;
  /** a hostile answer instead of the real one: `floodBytes` of filler, or a body of the wrong shape */
  hostile: { readonly floodBytes: number } | { readonly body: unknown } | undefined;

  constructor(private readonly auth: OpenCrvsEventsApi) {}

  /** Adds a REGISTERED birth; returns its EventIndex. */
  addBirth(b: RegistryBirth): Record<string, unknown> {
    const at = `${b.registeredOn}T10:00:00.000Z`;
    const record = {
      id: randomUUID(), type: 'birth', status: 'REGISTERED', trackingId: randomUUID().slice(0, 7).toUpperCase(), createdAt: at, updatedAt: at,
      legalStatuses: { DECLARED: { createdAt: at, createdBy: randomUUID(), createdAtLocation: randomUUID(), acceptedAt: at }, REGISTERED: { createdAt: at, createdBy: randomUUID(), createdAtLocation: randomUUID(), acceptedAt: at, registrationNumber: b.registrationNumber } },
      declaration: {
        'child.name': { firstname: b.child.firstname, surname: b.child.surname }, 'child.dob': b.child.dob, 'child.gender': b.child.gender,
        'child.placeOfBirth': 'HEALTH_FACILITY', 'child.birthLocation': randomUUID(),
        ...(b.mother ? { 'mother.name': { firstname: b.mother.firstname, surname: b.mother.surname }, ...(b.mother.nid ? { 'mother.nid': b.mother.nid } : {}) } : {}),
      },
    };
    this.#records.push(record);
    return record;
  }

  /** `POST /auth/token`. */
  token(url: URL, text: string, contentType: string | undefined): ApiReply {
    const form = contentType?.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(text) : new URLSearchParams();
    const param = (k: string) => form.get(k) ?? url.searchParams.get(k) ?? '';
    if (param('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const id = param('client_id');
    const secret = param('client_secret');
    if (!id || !secret) return { status: 400, body: { error: 'invalid_request' } };
    if (this.clients.get(id) !== secret) return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client id or secret' } };
    return { status: 200, body: { access_token: this.auth.signToken({ scope: ['type=record.search'], userType: 'system', sub: id }), token_type: 'Bearer' } };
  }

  /** `POST /api/events/events/search`. */
  search(authorization: string | undefined, text: string): ApiReply | { status: number; raw: string } {
    const claims = this.auth.claims(authorization);
    if (!claims) return { status: 401, body: { message: 'Authentication failed', code: 'UNAUTHORIZED' } };
    if (!Array.isArray(claims['scope']) || !claims['scope'].includes('type=record.search')) return { status: 403, body: { message: 'FORBIDDEN', code: 'FORBIDDEN' } };
    let clauses: unknown[];
    try {
      const body = JSON.parse(text) as { query?: { type?: unknown; clauses?: unknown } };
      if ((body.query?.type !== 'and' && body.query?.type !== 'or') || !Array.isArray(body.query.clauses) || body.query.clauses.length === 0) throw new Error('query');
      clauses = body.query.clauses;
    } catch {
      return { status: 400, body: { message: 'Input validation failed', code: 'BAD_REQUEST' } };
    }
    this.searches += 1;
    if (this.hostile && 'floodBytes' in this.hostile) return { status: 200, raw: `{"results":[],"total":0,"pad":"${'x'.repeat(this.hostile.floodBytes)}"}` };
    if (this.hostile) return { status: 200, body: this.hostile.body };
    const numbers = clauses.map((c) => (c as Record<string, { type?: string; term?: string } | undefined>)['legalStatuses.REGISTERED.registrationNumber']).filter((q) => q?.type === 'exact').map((q) => q!.term);
    const results = this.#records.filter((r) => numbers.includes((r['legalStatuses'] as { REGISTERED: { registrationNumber: string } }).REGISTERED.registrationNumber));
    return { status: 200, body: { results, total: results.length } };
  }
}
