import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { AppError } from '../../schemas/errors';

/** One SBI call over loopback. Devices bind 127.0.0.1; never dial `localhost` (sbi-protocol.md §1.1). */
export interface SbiCall {
  readonly port: number;
  /** SBI verb, e.g. MOSIPDINFO; Node's http client sends any token */
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  /** whole-call deadline: connect, head and body */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** largest body read into memory; default {@link SBI_MAX_RESPONSE_BYTES} */
  readonly maxBytes?: number;
}

/**
 * Device info and discovery answers are a few KB per device; a fake device once pushed 182 MB in
 * one discovery (issue 12). Captures carry up to ten ISO records and get their own, larger cap.
 */
export const SBI_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
export const SBI_MAX_CAPTURE_BYTES = 32 * 1024 * 1024;

/** Collected answer; the HTTP status is not used to detect SBI errors (§1.3). */
export interface SbiAnswer {
  readonly status: number;
  readonly body: Buffer;
}

/** Turns a socket-level failure into its SBI error code, keeping the original as `cause`. */
function translate(err: unknown, call: SbiCall): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return new AppError('ERR_SBI_UNREACHABLE', { port: call.port }, { cause: err });
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'HPE_INVALID_CONSTANT' || (err instanceof Error && err.message === 'socket hang up')) {
    return new AppError('ERR_SBI_CONNECTION_RESET', { port: call.port, method: call.method }, { cause: err });
  }
  return err;
}

/**
 * Opens a request and resolves with the response head; the caller reads the body. Used by
 * `sbiCall` and by STREAM, whose body never ends on its own.
 * @throws AppError ERR_SBI_UNREACHABLE, ERR_SBI_CONNECTION_RESET, ERR_SBI_TIMEOUT
 */
export async function openSbiRequest(call: SbiCall): Promise<{ response: IncomingMessage; abort: () => void }> {
  const body = Buffer.from(call.body ?? '', 'utf8');
  const req = httpRequest({
    host: '127.0.0.1',
    port: call.port,
    method: call.method,
    path: call.path,
    agent: false,
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
    signal: call.signal,
  });
  const abort = () => req.destroy();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new AppError('ERR_SBI_TIMEOUT', { port: call.port, method: call.method, timeoutMs: call.timeoutMs }));
      req.destroy();
    }, call.timeoutMs);
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(translate(err, call));
    });
    req.once('response', (response) => {
      clearTimeout(timer);
      resolve({ response, abort });
    });
    req.end(body);
  });
}

/**
 * One whole SBI request/response within `timeoutMs`.
 * @throws AppError ERR_SBI_UNREACHABLE, ERR_SBI_CONNECTION_RESET, ERR_SBI_TIMEOUT, ERR_SBI_RESPONSE_TOO_LARGE
 */
export async function sbiCall(call: SbiCall): Promise<SbiAnswer> {
  const started = Date.now();
  const { response, abort } = await openSbiRequest(call);
  const remaining = Math.max(1, call.timeoutMs - (Date.now() - started));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const maxBytes = call.maxBytes ?? SBI_MAX_RESPONSE_BYTES;
    let received = 0;
    const timer = setTimeout(() => {
      abort();
      reject(new AppError('ERR_SBI_TIMEOUT', { port: call.port, method: call.method, timeoutMs: call.timeoutMs }));
    }, remaining);
    const tooLarge = () => {
      clearTimeout(timer);
      reject(new AppError('ERR_SBI_RESPONSE_TOO_LARGE', { port: call.port, method: call.method, limitBytes: maxBytes }));
      abort();
    };
    if (Number(response.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) tooLarge();
      else chunks.push(chunk);
    });
    response.once('error', (err) => {
      clearTimeout(timer);
      reject(translate(err, call));
    });
    response.once('aborted', () => {
      clearTimeout(timer);
      reject(new AppError('ERR_SBI_CONNECTION_RESET', { port: call.port, method: call.method }));
    });
    response.once('end', () => {
      clearTimeout(timer);
      if (!response.complete) reject(new AppError('ERR_SBI_CONNECTION_RESET', { port: call.port, method: call.method }));
      else resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
    });
  });
}

/**
 * Fast TCP connect check: true when something accepts on the port. On loopback a closed port
 * answers RST at once, so a scan of 100 ports takes milliseconds (§1.5 step 1).
 */
export async function isPortOpen(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (isOpen: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(isOpen);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false)); // refused or reset: nothing usable there
  });
}
