import { createPublicKey, createSign, createVerify, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

/**
 * OpenCRVS v2's side of the MOSIP confirmation, written from opencrvs-core (HEAD 11a599e, CHANGELOG
 * 2.0.0 RC) and never from the client's code:
 * - the auth service signs an action-confirmation token per action: RS256, claims `scope`
 *   (`type=record.confirm-registration`, `type=record.reject-registration`), `eventId`, `actionId`,
 *   `userType`, `sub`, `aud`, `iss: opencrvs:auth-service`, 7 days by default
 *   (`packages/auth/src/features/authenticate/service.ts` `createTokenForActionConfirmation`,
 *   `CONFIG_ACTION_CONFIRMATION_TOKEN_EXPIRY_SECONDS`);
 * - the events service's tRPC procedure `event.actions.register.accept`
 *   (`packages/events/src/router/event/actions/index.ts` `getDefaultActionProcedures`), reached
 *   through `@opencrvs/toolkit`'s client (`httpBatchLink` + superjson): `POST
 *   /events/event.actions.register.accept?batch=1`, body `{"0": {"json": input}}`. Checks in the
 *   procedure's order: a token (`authedProcedure`, UNAUTHORIZED 401), the input
 *   (`RegisterActionInput` + `actionId` + `registrationNumber`; BAD_REQUEST 400), the token's scopes
 *   and its eventId/actionId claims against the input (`requireActionConfirmationAuthorization`,
 *   FORBIDDEN 403), the action (NOT_FOUND 404); an action already accepted answers the event and
 *   records nothing new. Errors use tRPC's envelope and HTTP status (trpc `www/docs/server/rpc.md`).
 */

/** One accept OpenCRVS recorded (a repeated call for an accepted action is not one). */
export interface V2Accept {
  readonly eventId: string;
  readonly actionId: string;
  readonly transactionId: string;
  readonly registrationNumber: string;
  readonly declaration: Readonly<Record<string, unknown>>;
}

const PROCEDURE = 'event.actions.register.accept';
const SCOPES = ['type=record.confirm-registration', 'type=record.reject-registration'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRPC_CODES: Readonly<Record<number, [string, number]>> = { 400: ['BAD_REQUEST', -32600], 401: ['UNAUTHORIZED', -32001], 403: ['FORBIDDEN', -32003], 404: ['NOT_FOUND', -32004] };
const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

export interface ApiReply {
  readonly status: number;
  readonly body: unknown;
}

function trpcError(status: number, message: string): ApiReply {
  const [code, jsonRpc] = TRPC_CODES[status]!;
  return { status, body: [{ error: { json: { message, code: jsonRpc, data: { code, httpStatus: status, path: PROCEDURE } } } }] };
}

export class OpenCrvsEventsApi {
  /** accepts recorded, in order */
  readonly accepts: V2Accept[] = [];
  /** accept calls per actionId, recorded or not (a repeat after a crash shows here) */
  readonly calls = new Map<string, number>();
  readonly #key: KeyObject;
  readonly #actions = new Map<string, { eventId: string; accepted: boolean }>();
  readonly #now: () => number;
  /** tokens issued at or before this time are refused as expired */
  #expiredBefore = -Infinity;

  constructor(now: () => number) {
    this.#now = now;
    this.#key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  /** The auth service's public key (what OpenCRVS serves for its tokens to be checked). */
  get publicKeyPem(): string {
    return createPublicKey(this.#key).export({ format: 'pem', type: 'spki' }).toString();
  }

  /** A REGISTER action awaiting confirmation, and the token sent with it to the integration. */
  registerAction(): { eventId: string; actionId: string; token: string } {
    const eventId = randomUUID();
    const actionId = randomUUID();
    this.#actions.set(actionId, { eventId, accepted: false });
    return { eventId, actionId, token: this.signToken({ eventId, actionId }) };
  }

  /** Signs a token as OpenCRVS's auth service does; `key` another key, to forge one. */
  signToken(claims: Readonly<Record<string, unknown>>, key: KeyObject = this.#key): string {
    const iat = Math.floor(this.#now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ scope: SCOPES, userType: 'user', sub: randomUUID(), aud: ['opencrvs:events-user', 'opencrvs:countryconfig-user'], iss: 'opencrvs:auth-service', iat, exp: iat + 604_800, ...claims }));
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  /** Every token issued so far is expired from now on (as after OpenCRVS's 7 days). */
  expireTokens(): void {
    this.#expiredBefore = Math.floor(this.#now() / 1000);
  }

  /** `POST /events/event.actions.register.accept?batch=1`. */
  accept(authorization: string | undefined, text: string): ApiReply {
    const claims = this.claims(authorization);
    if (!claims) return trpcError(401, 'Authentication failed');
    let input: Record<string, unknown> | undefined;
    try {
      const batch = JSON.parse(text) as { 0?: { json?: unknown } };
      const json = batch[0]?.json;
      input = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
    } catch {
      input = undefined;
    }
    const str = (k: string) => (typeof input?.[k] === 'string' ? (input[k] as string) : undefined);
    const declaration = input?.['declaration'] ?? {};
    if (!input || !UUID.test(str('eventId') ?? '') || !UUID.test(str('actionId') ?? '') || str('transactionId') === undefined || str('registrationNumber') === undefined || typeof declaration !== 'object' || declaration === null || Array.isArray(declaration)) {
      return trpcError(400, 'Input validation failed');
    }
    const scopes = Array.isArray(claims['scope']) ? (claims['scope'] as unknown[]) : [];
    if (!SCOPES.every((s) => scopes.includes(s))) return trpcError(403, 'Missing required scopes for action confirmation');
    if (claims['eventId'] !== input['eventId'] || claims['actionId'] !== input['actionId']) return trpcError(403, 'FORBIDDEN');
    const actionId = str('actionId')!;
    this.calls.set(actionId, (this.calls.get(actionId) ?? 0) + 1);
    const action = this.#actions.get(actionId);
    if (!action || action.eventId !== input['eventId']) return trpcError(404, 'Action not found.');
    if (!action.accepted) {
      action.accepted = true;
      this.accepts.push({ eventId: action.eventId, actionId, transactionId: str('transactionId')!, registrationNumber: str('registrationNumber')!, declaration: declaration as Record<string, unknown> });
    }
    return { status: 200, body: [{ result: { data: { json: { id: action.eventId, type: 'v2.birth', actions: [{ id: actionId, type: 'REGISTER', status: 'Accepted' }] } } } }] };
  }

  /** The claims of a token this auth service signed and that has not expired; undefined otherwise. */
  claims(authorization: string | undefined): Record<string, unknown> | undefined {
    const m = authorization === undefined ? null : /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization);
    if (!m) return undefined;
    const ok = createVerify('RSA-SHA256').update(`${m[1]}.${m[2]}`).verify(createPublicKey(this.#key), Buffer.from(m[3]!, 'base64url'));
    if (!ok) return undefined;
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const now = Math.floor(this.#now() / 1000);
    if (typeof claims['exp'] !== 'number' || claims['exp'] <= now || typeof claims['iat'] !== 'number' || claims['iat'] <= this.#expiredBefore) return undefined;
    return claims;
  }
}
