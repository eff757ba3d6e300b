import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { AppError, isAppError } from '../../../schemas/errors';
import { MosipResponseWrapper } from '../../../schemas/mosip';
import type { Clock } from '../../../native/time/Clock';
import { checkResponseSignature } from './responseSignature';
import { errorFromHttpStatus, errorFromMosipErrors, errorFromNetwork } from './classifyMosipError';

/** Options of {@link MosipHttpClient}; times are named options, validated at construction. */
export interface MosipHttpClientOptions {
  /** e.g. `https://api.sandbox.mosip.net` (no trailing path) */
  readonly baseUrl: string;
  readonly clock: Clock;
  /** per-request timeout (default 30 s); uploads pass their own */
  readonly timeoutMs?: number;
  /** the current session token, sent as `Cookie: Authorization=<jwt>` */
  readonly token?: () => string | undefined;
  /** the pinned KERNEL/SIGN public key; until it is known, signatures cannot be checked */
  readonly signKey?: () => KeyObject | undefined;
  /** largest response body read into memory (default {@link DEFAULT_MAX_RESPONSE_BYTES}) */
  readonly maxResponseBytes?: number;
}

/**
 * A full master-data sync of a large country is the biggest answer MOSIP sends (tens of MB);
 * anything past this is a hostile or broken server, refused before it exhausts memory (issue 12).
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface MosipRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** path below the base URL, starting with `/` */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** JSON body (serialised once; these exact bytes are sent) */
  readonly json?: unknown;
  /** raw body, e.g. multipart; a stream for large uploads */
  readonly body?: Buffer | Readable;
  readonly headers?: Readonly<Record<string, string>>;
  /** send the session cookie (default true) */
  readonly auth?: boolean;
  /** the endpoint signs its responses: verify `Response-Signature` (default true) */
  readonly signed?: boolean;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** this request's response cap, when it differs from the client's */
  readonly maxBytes?: number;
  /** non-2xx statuses the caller reads itself instead of getting them as errors */
  readonly acceptStatuses?: readonly number[];
}

/** A 2xx answer whose signature (when expected) has been verified. */
export interface MosipRawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * The one HTTP edge to MOSIP: request/response wrappers, cookie auth, Response-Signature over the
 * raw bytes, timeouts through AbortSignal, and every failure translated into an ERR_SYNC_* AppError
 * carrying its retry class (retry / reauth / park). A caller's own abort is rethrown as is:
 * cancellation is not a failure.
 */
export class MosipHttpClient {
  readonly #options: MosipHttpClientOptions;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;

  constructor(options: MosipHttpClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`MosipHttpClient: baseUrl must be http(s), got ${options.baseUrl}`);
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw new TypeError(`MosipHttpClient: timeoutMs must be a positive integer, got ${timeoutMs}`);
    const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(Number.isInteger(maxBytes) && maxBytes > 0)) throw new TypeError(`MosipHttpClient: maxResponseBytes must be a positive integer, got ${maxBytes}`);
    this.#maxResponseBytes = maxBytes;
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#timeoutMs = timeoutMs;
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /**
   * Calls a wrapped JSON API and returns `response` parsed with `schema`.
   * @throws AppError ERR_SYNC_* (see classifyMosipError)
   */
  async call<S extends z.ZodType>(req: MosipRequest, schema: S): Promise<z.infer<S>> {
    return this.unwrap(req.path, (await this.send(req)).body, schema);
  }

  /**
   * Parses a wrapped body: `errors` first (HTTP 200 business errors), then `response` with `schema`.
   * @throws AppError ERR_SYNC_*
   */
  unwrap<S extends z.ZodType>(endpoint: string, body: Buffer, schema: S): z.infer<S> {
    const wrapper = parseOrThrow(endpoint, MosipResponseWrapper, parseJson(endpoint, body));
    if (wrapper.errors && wrapper.errors.length > 0) {
      throw errorFromMosipErrors(endpoint, 200, wrapper.errors, this.#options.clock.now(), wrapper.responsetime ?? undefined);
    }
    return parseOrThrow(endpoint, schema, wrapper.response);
  }

  /** Calls a wrapped JSON API and returns the whole wrapper, `errors` included (for per-record batch results). */
  async callWrapper(req: MosipRequest): Promise<MosipResponseWrapper> {
    const raw = await this.send(req);
    return parseOrThrow(req.path, MosipResponseWrapper, parseJson(req.path, raw.body));
  }

  /** Sends a request; non-2xx and network failures become AppErrors; signatures are verified. */
  async send(req: MosipRequest): Promise<MosipRawResponse> {
    const res = await this.#exchange(req);
    if ((res.status < 200 || res.status >= 300) && !req.acceptStatuses?.includes(res.status)) {
      throw errorFromHttpStatus(req.path, res.status, res.headers, res.body, this.#options.clock.now());
    }
    if (req.signed ?? true) this.#verifySignature(req.path, res);
    return res;
  }

  #verifySignature(path: string, res: MosipRawResponse): void {
    const key = this.#options.signKey?.();
    if (!key) return; // only before KERNEL/SIGN is pinned (initial sync, §4.0)
    // A business error comes from the controller advice (syncdata SyncHandlerControllerAdvice),
    // whose handlers carry no @ResponseFilter: MOSIP never signs it. It carries no data we use,
    // only the refusal, so it is read unsigned; anything with a `response` must verify.
    if (isUnsignedErrorWrapper(res.body)) return;
    const header = res.headers['response-signature'];
    const reason = checkResponseSignature(Array.isArray(header) ? header[0] : header, res.body, key);
    if (reason) throw new AppError('ERR_SYNC_SIGNATURE_INVALID', { endpoint: path, reason });
  }

  #url(req: MosipRequest): URL {
    const url = new URL(this.#options.baseUrl + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    return url;
  }

  async #exchange(req: MosipRequest): Promise<MosipRawResponse> {
    const url = this.#url(req);
    const timeoutMs = req.timeoutMs ?? this.#timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    const token = (req.auth ?? true) ? this.#options.token?.() : undefined;
    if (token) headers['cookie'] = `Authorization=${token}`;
    let payload: Buffer | Readable | undefined = req.body;
    if (req.json !== undefined) {
      payload = Buffer.from(JSON.stringify(req.json), 'utf8');
      headers['content-type'] ??= 'application/json';
    }
    if (Buffer.isBuffer(payload)) headers['content-length'] = String(payload.length);
    try {
      return await exchange({ url, method: req.method, headers, body: payload, signal, endpoint: req.path, maxBytes: req.maxBytes ?? this.#maxResponseBytes });
    } catch (cause) {
      if (req.signal?.aborted) throw cause; // the caller cancelled: not a failure
      if (isAppError(cause)) throw cause;
      if (timeout.aborted) throw new AppError('ERR_SYNC_TIMEOUT', { endpoint: req.path, timeoutMs }, { cause });
      throw errorFromNetwork(req.path, cause);
    }
  }
}

interface Exchange {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | Readable | undefined;
  readonly signal: AbortSignal;
  readonly endpoint: string;
  readonly maxBytes: number;
}

function exchange(x: Exchange): Promise<MosipRawResponse> {
  const send = x.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(x.url, { method: x.method, headers: x.headers, signal: x.signal }, (res) => {
      const tooLarge = () => {
        reject(new AppError('ERR_SYNC_RESPONSE_TOO_LARGE', { endpoint: x.endpoint, limitBytes: x.maxBytes }));
        req.destroy();
      };
      // a declared length past the cap is refused before a byte of the body is read
      if (Number(res.headers['content-length'] ?? 0) > x.maxBytes) return tooLarge();
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > x.maxBytes) tooLarge();
        else chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('end', () => {
        if (!res.complete) reject(Object.assign(new Error('connection closed before the response was complete'), { code: 'ECONNRESET' }));
        else resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    if (x.body === undefined || Buffer.isBuffer(x.body)) req.end(x.body);
    else {
      const body = x.body;
      body.on('error', (err) => req.destroy(err));
      body.pipe(req);
    }
  });
}

/** A MOSIP wrapper with `errors[]` and no `response`: how the controller advice answers. */
function isUnsignedErrorWrapper(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { response?: unknown; errors?: unknown };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0 && (parsed.response === null || parsed.response === undefined);
  } catch {
    return false;
  }
}

function parseJson(endpoint: string, body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (cause) {
    throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint, reason: 'the body is not JSON' }, { cause });
  }
}

/** Parses server data once, at the edge; the reason names every failing path. */
export function parseOrThrow<S extends z.ZodType>(endpoint: string, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint, reason }, { cause: result.error });
}
