import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, MAX_FRAME_BYTES, type ServerFrame } from '../../schemas/api/transport';
import type { EventName, EventPayload } from '../../schemas/api/contract';
import { serializeError, AppError } from '../../schemas/errors';
import type { EventSink } from '../services/auth/SessionManager';
import { createLogger, toLogFormat } from '../services/log/createLogger';
import type { AppServices } from './createAppServices';
import { securityHeaders } from './contentSecurityPolicy';
import { InFlightCalls } from './InFlightCalls';

const log = createLogger('browser-host');

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BrowserHostOptions {
  readonly services: AppServices;
  /** folder with the built renderer (index.html + assets) */
  readonly staticDir: string;
  /** 0 picks a free port */
  readonly port: number;
  readonly token?: string;
}

export interface RunningBrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Serves the UI and the typed API to a browser on 127.0.0.1 only. The per-run token guards the
 * API socket; Host and Origin checks stop other web pages (DNS rebinding, cross-site sockets).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    throw new Error(`startBrowserHost: ${options.staticDir}/index.html is missing; run npm run build`);
  }
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const server = createServer((req, res) => {
    // anyone on the machine can reach this port: one bad request must never stop the host
    try {
      serveStatic(req, res, options.staticDir, token, port, allowedHosts());
    } catch (err) {
      log.warn('refused a request', { error: toLogFormat(err) });
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('Bad request');
    }
  });
  // a client that sends garbage or drops mid-request only loses its own connection
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', (err) => log.warn('socket server error', { error: toLogFormat(err) }));

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => log.warn('socket error before upgrade', { error: toLogFormat(err) }));
    const url = parseUrl(req.url);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const origin = req.headers.origin ?? '';
    const ok =
      url.pathname === '/ws' &&
      tokensEqual(url.searchParams.get('token') ?? '', token) &&
      allowedHosts().has(req.headers.host ?? '') &&
      (origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`);
    if (!ok) {
      log.warn('refused a socket', { path: url.pathname, origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachConnection(ws, options.services));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => closeServer(server, wss),
  };
}

function attachConnection(ws: WebSocket, services: AppServices): void {
  const connectionId = randomUUID();
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const sink: EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => send({ type: 'event', name, payload });
  const subscription = services.hub.connect(connectionId, sink);
  // ws reports a frame over maxPayload (1009) or invalid UTF-8 (1007) here and closes this socket;
  // without a listener the error would be thrown and stop the whole host
  ws.on('error', (err) => log.warn('closed a socket after a bad frame', { error: toLogFormat(err) }));
  const calls = new InFlightCalls();
  ws.on('message', async (data) => {
    let frame: ClientFrame;
    try {
      frame = ClientFrame.parse(JSON.parse(String(data)));
    } catch {
      // A frame we cannot even number cannot be answered; tell the page and keep the socket.
      send({ type: 'event', name: 'transport.onDidRejectFrame', payload: serializeError(new AppError('ERR_IPC_INVALID_INPUT', { method: '(frame)', issues: [{ path: '(root)', message: 'not a call frame' }] })) });
      return;
    }
    if (frame.type === 'cancel') {
      // the call answers for itself (ERR_CANCELLED); a cancel for a call already answered is no news
      calls.cancel(frame.seq);
      return;
    }
    const { seq, method, input } = frame;
    try {
      const reply = await calls.run(seq, (signal) => services.router.dispatch({ connectionId, sink, signal }, method, input));
      send({ type: 'reply', seq, reply });
    } catch (err) {
      log.error('dispatch threw', { error: toLogFormat(err) });
      send({ type: 'reply', seq, reply: { ok: false, error: serializeError(err) } });
    }
  });
  ws.on('close', () => {
    subscription.dispose();
    services.disconnect(connectionId);
  });
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, token: string, port: number, hosts: Set<string>): void {
  const headers = securityHeaders(`ws://127.0.0.1:${port} ws://localhost:${port}`);
  if (!hosts.has(req.headers.host ?? '')) {
    res.writeHead(421, { ...headers, 'Content-Type': 'text/plain' }).end('Misdirected request');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = parseUrl(req.url);
  const pathname = url ? decodePath(url.pathname) : undefined;
  if (!url || pathname === undefined) {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end('Bad request');
    return;
  }
  // decoded first, so `/%69ndex.html` or `/./index.html` is the page too and needs the token
  const relativePath = normalize(pathname).replace(/^[/\\]+/, '') || 'index.html';
  const isIndex = relativePath === 'index.html';
  if (isIndex && !tokensEqual(url.searchParams.get('token') ?? '', token)) {
    res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Open the full address printed by "npm start" (it carries this run\'s access token).');
    return;
  }
  const file = join(root, relativePath);
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') res.end();
  // a file that vanishes between the check and the read ends this response only
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** The request's URL, or undefined when it cannot be parsed. */
function parseUrl(raw: string | undefined): URL | undefined {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

/** The percent-decoded path, or undefined for a malformed escape (`/%E0%A4%A`) or a NUL byte. */
function decodePath(pathname: string): string | undefined {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

async function closeServer(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
}
