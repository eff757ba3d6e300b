import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AUTH_ADAPTER } from './mosipCodes';
import { systemClock, type Clock } from './simClock';
import { EventEmitter } from 'node:events';
import { FaultTable, type Fault } from './faults';
import { detachedJws, compactJwt } from './simCrypto';
import { SimPki } from './simPki';
import { SimState } from './SimState';
import { seedState } from './seedData';
import { errorReply, parseCookies, type SimReply, type SimRequest } from './simHttp';
import { syncdataRoutes } from './routes/syncdata';
import { regprocRoutes } from './routes/regproc';
import { crvsOnlineRoutes } from './routes/crvsOnline';
import { adminRoutes } from './routes/admin';
import { websubRoutes } from './routes/websub';
import { preRegistrationRoutes } from './routes/preregistration';
import type { SimEntityFile } from './routes/entityFiles';

export interface SimSession {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly expiresAt: number;
}

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** session cookie required (MOSIP auth adapter); admin `/_sim` routes are open */
  readonly auth: boolean;
  readonly handler: (req: SimRequest, match: RegExpExecArray, session: SimSession | undefined) => Promise<SimReply> | SimReply;
}

export interface MosipSimulatorOptions {
  readonly stateDir: string;
  /** 0 = a free port; always bound to 127.0.0.1 */
  readonly port?: number;
  readonly seed?: boolean;
  readonly officerPassword?: string;
  readonly supervisorPassword?: string;
  readonly clock?: Clock;
  /** session token lifetime (default 30 minutes) */
  readonly tokenLifetimeMs?: number;
  /** allowed |client − server| for signed auth requests and sync timestamps (default 10 minutes) */
  readonly timestampWindowMs?: number;
  /** the ID schema served by latestidschema (default: MOSIP's sample); a deployment serves its own */
  readonly idSchemaPath?: string | URL;
}

/** The MOSIP 1.2 server simulator: syncdata, authmanager, registration processor, packet manager, WebSub. */
export class MosipSimulator {
  readonly state: SimState;
  readonly pki: SimPki;
  readonly clock: Clock;
  readonly faults = new FaultTable();
  /** `*-url` entity files and scripts the syncdata download endpoints serve (in memory, set by the admin API) */
  readonly entityFiles = new Map<string, SimEntityFile>();
  /** packet validations still running after the receiver answered (MOSIP's later stages) */
  readonly pendingValidations = new Set<Promise<void>>();
  readonly sessions = new Map<string, SimSession>();
  /** refresh tokens are only good for authType REFRESH, never as a session cookie */
  readonly refreshTokens = new Map<string, { userId: string; expiresAt: number }>();
  readonly requestCounts: Record<string, number> = {};
  /**
   * Test hook, awaited after a request's body arrived and before it is routed: a test counts the
   * requests in flight at the server (e.g. concurrent uploads) and decides when each is answered.
   */
  beforeRoute: ((req: SimRequest) => Promise<void>) | undefined;
  /** per path: requests between their arrival and the end of their answer, now and at most */
  readonly inFlight = new Map<string, { now: number; max: number }>();
  /** emits `request` (path) as each request arrives, before it is answered: tests act on it instead of polling */
  readonly events = new EventEmitter();
  readonly tokenLifetimeMs: number;
  readonly timestampWindowMs: number;
  readonly #routes: Route[];
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  #port: number;

  /** set by the idSchemaPath option; undefined = MOSIP's sample schema */
  readonly idSchemaPath: string | URL | undefined;

  constructor(options: MosipSimulatorOptions) {
    this.idSchemaPath = options.idSchemaPath;
    this.clock = options.clock ?? systemClock;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 30 * 60_000;
    this.timestampWindowMs = options.timestampWindowMs ?? 10 * 60_000;
    this.#port = options.port ?? 0;
    this.state = new SimState(options.stateDir);
    this.pki = new SimPki(options.stateDir, () => this.clock.now());
    if (options.seed ?? true) {
      seedState(this.state, {
        officerPassword: options.officerPassword ?? 'Officer#2026',
        supervisorPassword: options.supervisorPassword ?? 'Supervisor#2026',
        now: this.clock.now(),
      });
      this.pki.registration('10001_10002');
      this.state.save();
    }
    this.#routes = [...syncdataRoutes(this), ...regprocRoutes(this), ...crvsOnlineRoutes(this), ...websubRoutes(this), ...preRegistrationRoutes(this), ...adminRoutes(this)];
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get listening(): boolean {
    return this.#server?.listening ?? false;
  }

  /** Starts listening on 127.0.0.1 only. */
  async start(): Promise<this> {
    const server = createServer((req, res) => void this.#handle(req, res));
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.address() as { port: number }).port;
    this.#server = server;
    return this;
  }

  /** Kill switch: closes the listener and every open connection; the port is kept for revive(). */
  async kill(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }

  async revive(): Promise<void> {
    if (!this.#server) await this.start();
  }

  async close(): Promise<void> {
    await Promise.all([...this.pendingValidations]);
    await this.kill();
  }

  issueToken(userId: string, roles: readonly string[]): { token: string; expiresAt: number } {
    const now = this.clock.now();
    const expiresAt = now + this.tokenLifetimeMs;
    const token = compactJwt(this.pki.kernelSign.privateKey, {
      sub: userId,
      preferred_username: userId,
      realm_access: { roles },
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
      jti: randomUUID(),
    });
    this.sessions.set(token, { userId, roles, expiresAt });
    return { token, expiresAt };
  }

  issueRefreshToken(userId: string): { token: string; expiresAt: number } {
    const expiresAt = this.clock.now() + 4 * this.tokenLifetimeMs;
    const token = compactJwt(this.pki.kernelSign.privateKey, { sub: userId, typ: 'Refresh', exp: Math.floor(expiresAt / 1000), jti: randomUUID() });
    this.refreshTokens.set(token, { userId, expiresAt });
    return { token, expiresAt };
  }

  /** Admin: every issued session token becomes invalid (server-side expiry); refresh tokens too when asked. */
  expireTokens(includeRefresh = false): void {
    this.sessions.clear();
    if (includeRefresh) this.refreshTokens.clear();
  }

  addFault(fault: Fault): void {
    this.faults.add(fault);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const simReq: SimRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        cookies: parseCookies(req.headers.cookie),
      };
      this.requestCounts[simReq.path] = (this.requestCounts[simReq.path] ?? 0) + 1;
      this.events.emit('request', simReq.path);
      const fault = simReq.path.startsWith('/_sim/') ? undefined : this.faults.take(simReq.path);
      if (fault && (await this.#applyPreFault(fault, req, res))) return;
      const counter = this.inFlight.get(simReq.path) ?? { now: 0, max: 0 };
      this.inFlight.set(simReq.path, counter);
      counter.now += 1;
      counter.max = Math.max(counter.max, counter.now);
      try {
        if (this.beforeRoute && !simReq.path.startsWith('/_sim/')) await this.beforeRoute(simReq);
        const reply = await this.#route(simReq);
        await this.#send(res, reply, fault);
      } finally {
        counter.now -= 1;
      }
    } catch (err) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ errorCode: 'SIM-500', message: String((err as Error).message) }] }));
      }
    }
  }

  async #route(req: SimRequest): Promise<SimReply> {
    const now = this.clock.now();
    for (const route of this.#routes) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      let session: SimSession | undefined;
      if (route.auth) {
        session = this.#session(req);
        // The MOSIP auth adapter answers 401 with a wrapper when the cookie is missing or expired.
        if (!session) return errorReply(now, 'mosip.auth', AUTH_ADAPTER.UNAUTHORIZED, 'Authentication Failed', 401);
      }
      return route.handler(req, match, session);
    }
    return errorReply(now, 'mosip.sim', 'SIM-404', `no route ${req.method} ${req.path}`, 404);
  }

  #session(req: SimRequest): SimSession | undefined {
    const token = req.cookies['Authorization'];
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || session.expiresAt <= this.clock.now()) return undefined;
    return session;
  }

  /** Faults that replace the response entirely; returns true when the request was consumed. */
  async #applyPreFault(fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const now = this.clock.now();
    switch (fault.kind) {
      case 'status':
        await this.#send(res, errorReply(now, 'mosip.sim', 'SIM-FAULT', 'injected fault', fault.status ?? 503), undefined);
        return true;
      case 'rateLimit':
        await this.#send(res, { ...errorReply(now, 'mosip.sim', 'SIM-429', 'too many requests', 429), headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) } }, undefined);
        return true;
      case 'unauthorized':
        await this.#send(res, errorReply(now, 'mosip.auth', AUTH_ADAPTER.UNAUTHORIZED, 'Token expired', 401), undefined);
        return true;
      case 'hang':
        return true; // never answered; the socket is destroyed by kill()/close() or by the client
      case 'reset':
        req.socket.destroy();
        return true;
      case 'nullResponse':
        // a failure the service caught and only logged: PacketWriter.createPacket answers this way
        await this.#send(res, { status: 200, signed: false, body: JSON.stringify({ id: 'mosip.sim', version: 'v1', responsetime: new Date(now).toISOString(), metadata: null, response: null, errors: null }) }, undefined);
        return true;
      case 'flood':
        await flood(res, fault.floodBytes ?? 256 * 1024 * 1024, fault.declareLength === true);
        return true;
      case 'throttle':
      case 'badSignature':
        return false;
      default: {
        const never: never = fault.kind;
        throw new Error(`unknown fault ${String(never)}`);
      }
    }
  }

  async #send(res: ServerResponse, reply: SimReply, fault: Fault | undefined): Promise<void> {
    const body = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
    const headers: Record<string, string | string[]> = { 'content-type': 'application/json', ...reply.headers, 'content-length': String(body.length) };
    if (reply.signed) {
      let signature = detachedJws(this.pki.kernelSign.privateKey, body);
      if (fault?.kind === 'badSignature') signature = signature.slice(0, -6) + (signature.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
      headers['response-signature'] = signature;
    }
    res.writeHead(reply.status, headers);
    if (fault?.kind !== 'throttle') {
      res.end(body);
      return;
    }
    // Throttled bandwidth: 10 slices a second, so a slow link is real time, not a sleep in a test.
    const slice = Math.max(1, Math.floor(fault.bytesPerSecond! / 10));
    for (let offset = 0; offset < body.length && !res.destroyed; offset += slice) {
      res.write(body.subarray(offset, offset + slice));
      // no pause after the last slice: the answer is complete for the client once it is written
      if (offset + slice < body.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    res.end();
  }
}

/**
 * A hostile server's answer: an endless-looking 200 of filler, written as fast as the client reads
 * it (backpressure respected), until `bytes` are sent or the client hangs up.
 */
async function flood(res: ServerResponse, bytes: number, declareLength: boolean): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let sent = 0; sent < bytes && !res.destroyed; sent += chunk.length) {
    const slice = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
    if (!res.write(slice)) await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
  }
  res.end();
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
