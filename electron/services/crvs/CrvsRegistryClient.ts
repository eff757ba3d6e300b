import { MAX_REGISTRY_ANSWER_BYTES, RegistryToken, type CrvsRegistrySettings, type RegistryBirthRecord } from '../../../schemas/crvsRegistry';
import { AppError, CancelledError } from '../../../schemas/errors';
import { parseRegistryAnswer } from './parseRegistryAnswer';

/** Where and as whom the registry is searched: the settings and the wrapped client secret. */
export interface CrvsRegistryAccess {
  readonly settings: CrvsRegistrySettings;
  readonly secret: string;
}

/**
 * Reads a response body of at most `limit` bytes: a declared length over it is refused unread,
 * a body growing past it is cancelled as soon as it does.
 * @throws AppError ERR_CRVS_REGISTRY_ANSWER_INVALID
 */
async function boundedBody(res: Response, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError('ERR_CRVS_REGISTRY_ANSWER_INVALID', { field: '(body)', rule: `larger than ${limit} bytes` });
  if (Number(res.headers.get('content-length') ?? '0') > limit) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * OpenCRVS's record search, as an integration client makes it: a system client's token from the
 * auth service (`POST <auth>/token`, `grant_type=client_credentials`, `client_id`, `client_secret`;
 * opencrvs-core `packages/auth/src/features/oauthToken/client-credentials.ts`: `{access_token,
 * token_type: 'Bearer'}`, 401 `invalid_client`), then the events service's search (`POST
 * <gateway>/api/events/events/search`, the REST face of tRPC `event.search`, opencrvs-core
 * `packages/events/src/router/event/index.ts`, scope `record.search`) for the registered number:
 * `{query: {type: 'and', clauses: [{'legalStatuses.REGISTERED.registrationNumber': {type: 'exact',
 * term}}]}, limit, offset}` (`SearchQuery`, `QueryExpression` in `packages/commons/src/events/EventIndex.ts`).
 */
export class CrvsRegistryClient {
  readonly #timeoutMs: number;

  constructor(o: Readonly<{ timeoutMs?: number }> = {}) {
    this.#timeoutMs = o.timeoutMs ?? 15_000;
  }

  /**
   * @throws AppError ERR_CRVS_REGISTRY_UNREACHABLE, ERR_CRVS_REGISTRY_REFUSED, ERR_CRVS_REGISTRY_NOT_FOUND,
   *   ERR_CRVS_REGISTRY_ANSWER_INVALID, ERR_CANCELLED (the caller's signal)
   */
  async findBirth(access: CrvsRegistryAccess, birthRegistrationNumber: string, signal?: AbortSignal): Promise<RegistryBirthRecord> {
    const { settings } = access;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: settings.clientId, client_secret: access.secret });
    const tokenBody = await this.#post(settings.tokenUrl, { 'content-type': 'application/x-www-form-urlencoded' }, form.toString(), signal);
    let token: string;
    try {
      token = RegistryToken.parse(JSON.parse(Buffer.from(tokenBody).toString('utf8'))).access_token;
    } catch {
      throw new AppError('ERR_CRVS_REGISTRY_ANSWER_INVALID', { field: 'access_token', rule: 'not an OpenCRVS token answer' });
    }
    const query = { query: { type: 'and', clauses: [{ 'legalStatuses.REGISTERED.registrationNumber': { type: 'exact', term: birthRegistrationNumber } }] }, limit: 10, offset: 0 };
    const url = `${settings.searchUrl.replace(/\/+$/, '')}/events/search`;
    const answer = await this.#post(url, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, JSON.stringify(query), signal);
    return parseRegistryAnswer(answer, birthRegistrationNumber);
  }

  async #post(url: string, headers: Record<string, string>, body: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body, redirect: 'error', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        throw new AppError('ERR_CRVS_REGISTRY_REFUSED', { status: res.status });
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel();
        throw new AppError('ERR_CRVS_REGISTRY_UNREACHABLE', { reason: `HTTP ${res.status}` });
      }
      return await boundedBody(res, MAX_REGISTRY_ANSWER_BYTES);
    } catch (cause) {
      if (cause instanceof AppError) throw cause;
      if (signal?.aborted) throw new CancelledError({ cause });
      throw new AppError('ERR_CRVS_REGISTRY_UNREACHABLE', { reason: timeout.aborted ? `no answer in ${this.#timeoutMs} ms` : (cause as Error).message.slice(0, 200) }, { cause });
    }
  }
}
