import { createServer, type Server, type Socket } from 'node:net';

/**
 * A small HTTP/1.1 server over `net`, because Node's `http` server rejects the SBI verbs
 * (MOSIPDISC, MOSIPDINFO, RCAPTURE, STREAM) with HPE_INVALID_METHOD. It handles exactly what SBI
 * needs: one request per connection (`Connection: close`, as MockMDS does, sbi-protocol.md §1.3),
 * any method token, a `Content-Length` body, and raw socket access for MJPEG streams and faults.
 */

/** A parsed request. `body` is the raw bytes; SBI bodies are ASCII JSON. */
export interface SbiHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly version: string;
  /** header names lower-cased */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** A whole response; the server adds Content-Length and Connection: close. */
export interface SbiHttpResponse {
  readonly status: number;
  readonly reason?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** bytes written after the body (MockMDS writes an extra CRLFCRLF) */
  readonly trailer?: string;
  /** HTTP version of the status line; default HTTP/1.1 */
  readonly version?: string;
}

/** A handler either returns a response or takes over the socket (streams, hangs, resets). */
export type SbiHttpHandler = (request: SbiHttpRequest, socket: Socket) => Promise<SbiHttpResponse | 'handled'>;

/** Limits of the request parser. */
export interface SbiHttpServerOptions {
  /** largest accepted request head in bytes */
  readonly maxHeadBytes?: number;
  /** largest accepted body in bytes */
  readonly maxBodyBytes?: number;
  /** socket idle time before the server drops a slow client */
  readonly idleTimeoutMs?: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Result of feeding bytes to the parser: more needed, a request, or a malformed one. */
export type ParseResult = { kind: 'incomplete' } | { kind: 'request'; request: SbiHttpRequest } | { kind: 'bad'; reason: string };

/**
 * Parses one request from the bytes received so far. Pure, so it is unit-tested byte by byte.
 * Header names are case-insensitive; whitespace around `:` is optional (RFC 9112 §5).
 */
export function parseHttpRequest(buffer: Buffer, maxHeadBytes = 16_384, maxBodyBytes = 1_048_576): ParseResult {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return buffer.length > maxHeadBytes ? { kind: 'bad', reason: 'head too large' } : { kind: 'incomplete' };
  const lines = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const [method, path, version, ...rest] = (lines[0] ?? '').split(' ');
  if (!method || !path || !version || rest.length > 0 || !TOKEN.test(method) || !/^HTTP\/1\.[01]$/.test(version)) {
    return { kind: 'bad', reason: `bad request line: ${lines[0] ?? ''}` };
  }
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { kind: 'bad', reason: `bad header line: ${line}` };
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (headers.has('transfer-encoding')) return { kind: 'bad', reason: 'chunked bodies are not used by SBI' };
  const lengthText = headers.get('content-length') ?? '0';
  if (!/^\d+$/.test(lengthText)) return { kind: 'bad', reason: `bad content-length: ${lengthText}` };
  const length = Number(lengthText);
  if (length > maxBodyBytes) return { kind: 'bad', reason: 'body too large' };
  const bodyStart = headEnd + 4;
  if (buffer.length < bodyStart + length) return { kind: 'incomplete' };
  return { kind: 'request', request: { method, path, version, headers, body: Buffer.from(buffer.subarray(bodyStart, bodyStart + length)) } };
}

/** Serialises a response head + body, `Connection: close`, Content-Length in bytes. */
export function formatHttpResponse(response: SbiHttpResponse): Buffer {
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : (response.body ?? Buffer.alloc(0));
  const head = [`${response.version ?? 'HTTP/1.1'} ${response.status} ${response.reason ?? reasonPhrase(response.status)}`];
  for (const [name, value] of Object.entries(response.headers ?? {})) head.push(`${name}: ${value}`);
  head.push(`Content-Length: ${body.length}`, 'Connection: close', '', '');
  return Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body, Buffer.from(response.trailer ?? '', 'latin1')]);
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error' };
  return phrases[status] ?? 'OK';
}

/** The running server; `close()` also destroys open sockets (hung streams, hang faults). */
export class SbiHttpServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #handler: SbiHttpHandler;
  readonly #options: Required<SbiHttpServerOptions>;

  constructor(handler: SbiHttpHandler, options: SbiHttpServerOptions = {}) {
    this.#handler = handler;
    this.#options = { maxHeadBytes: 16_384, maxBodyBytes: 1_048_576, idleTimeoutMs: 120_000, ...options };
    this.#server = createServer((socket) => this.#onConnection(socket));
  }

  /** Listens on 127.0.0.1 (never `localhost`, §1.1); resolves with the bound port. */
  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.#server.once('error', onError);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('SbiHttpServer.listen: no TCP address');
    return address.port;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy()); // a client reset is normal: the socket is gone
    socket.setTimeout(this.#options.idleTimeoutMs, () => socket.destroy());
    let buffer = Buffer.alloc(0);
    let isDispatched = false;
    socket.on('data', (chunk: Buffer) => {
      if (isDispatched) return; // one request per connection; extra bytes are ignored
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseHttpRequest(buffer, this.#options.maxHeadBytes, this.#options.maxBodyBytes);
      if (parsed.kind === 'incomplete') return;
      isDispatched = true;
      if (parsed.kind === 'bad') {
        socket.end(formatHttpResponse({ status: 400, body: JSON.stringify({ errorCode: '500', errorInfo: parsed.reason }), headers: { 'Content-Type': 'application/json' } }));
        return;
      }
      void this.#dispatch(parsed.request, socket);
    });
  }

  async #dispatch(request: SbiHttpRequest, socket: Socket): Promise<void> {
    try {
      const response = await this.#handler(request, socket);
      if (response !== 'handled' && !socket.destroyed) socket.end(formatHttpResponse(response));
    } catch (err) {
      if (!socket.destroyed) {
        socket.end(formatHttpResponse({ status: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ errorCode: '999', errorInfo: String(err) }) }));
      }
    }
  }
}
