import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter, once } from 'node:events';
import { OpenCrvsEventsApi } from './eventsApi';
import { OpenCrvsRecordSearch } from './recordSearch';

/** One `confirmRegistration` call the simulator took: the record id and its details. */
export interface Confirmation {
  readonly id: string;
  readonly registrationNumber: string;
  readonly identifiers: readonly { type: string; value: string }[];
  readonly comment: string | null;
}

/** What the bridge answered to one event sent to its webhook. */
export interface WebhookAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * OpenCRVS as the bridge sees it, written from OpenCRVS's MOSIP integration (opencrvs/mosip), never
 * from the client's code: it sends National ID webhook events (`MosipInteropPayload`) and takes
 * the `confirmRegistration` GraphQL mutation at its gateway, recording every confirmation.
 */
export class OpenCrvsSimulator {
  /** every confirmation taken, in order (a repeat for one id is kept: tests count them) */
  readonly confirmations: Confirmation[] = [];
  /** emits `confirmation` (Confirmation) as each one is taken */
  readonly events = new EventEmitter();
  /** the gateway answers 503 while true (the CRVS system down) */
  down = false;
  /** OpenCRVS v2: action tokens and `event.actions.register.accept` (eventsApi.ts) */
  readonly v2: OpenCrvsEventsApi;
  /** OpenCRVS's record search for integration clients (recordSearch.ts) */
  readonly registry: OpenCrvsRecordSearch;
  readonly #token: string;
  #server: Server | undefined;

  /** `confirmToken`: the bearer token the GraphQL gateway accepts (the bridge's system-client token). */
  constructor(confirmToken: string, o: Readonly<{ now?: () => number }> = {}) {
    this.#token = confirmToken;
    this.v2 = new OpenCrvsEventsApi(o.now ?? (() => Date.now()));
    this.registry = new OpenCrvsRecordSearch(this.v2);
  }

  /** The simulator's base URL: auth at `/auth/token`, the events REST API at `/api/events`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}/graphql`;
  }

  /** OpenCRVS v2's events API base (`<gateway>/events`, where the mediator's tRPC client points). */
  get eventsUrl(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}/events`;
  }

  /**
   * OpenCRVS v2 registers an event: a REGISTER action awaiting confirmation, its id in the payload
   * (`eventId`), the action-confirmation token as the webhook's bearer token.
   */
  async sendV2(webhookUrl: string, payload: Readonly<Record<string, unknown>>): Promise<WebhookAnswer & { eventId: string; actionId: string }> {
    const action = this.v2.registerAction();
    const answer = await this.send(webhookUrl, action.token, { ...payload, eventId: action.eventId });
    return { ...answer, eventId: action.eventId, actionId: action.actionId };
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://opencrvs');
        const reply = this.down
          ? { status: 503, body: { message: 'gateway down' } }
          : url.pathname === '/auth/token' && req.method === 'POST'
            ? this.registry.token(url, text, req.headers['content-type'])
            : url.pathname === '/api/events/events/search' && req.method === 'POST'
              ? this.registry.search(req.headers.authorization, text)
              : this.#answer(req.url ?? '', req.headers.authorization, text);
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end('raw' in reply ? reply.raw : JSON.stringify(reply.body));
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  async close(): Promise<void> {
    if (!this.#server) return;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
  }

  /** Confirmations per record id (how many times each was confirmed). */
  countsById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.confirmations) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    return counts;
  }

  /** Posts one event to the bridge's webhook, as OpenCRVS's countryconfig does. */
  async send(webhookUrl: string, token: string | undefined, payload: unknown): Promise<WebhookAnswer> {
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
    return { status: res.status, body };
  }

  #answer(url: string, authorization: string | undefined, text: string): { status: number; body: unknown } {
    if (this.down) return { status: 503, body: { message: 'gateway down' } };
    if (url.startsWith('/events/')) return this.#accept(url, authorization, text);
    return this.#graphql(url, authorization, text);
  }

  /** v2 accept: `acceptCall` (actionId, before anything is recorded), then `confirmation` when a new accept is recorded. */
  #accept(url: string, authorization: string | undefined, text: string): { status: number; body: unknown } {
    if (url !== '/events/event.actions.register.accept?batch=1') return { status: 404, body: { message: 'not found' } };
    this.events.emit('acceptCall');
    const before = this.v2.accepts.length;
    const reply = this.v2.accept(authorization, text);
    if (this.v2.accepts.length > before) this.events.emit('confirmation', this.v2.accepts.at(-1));
    return reply;
  }

  #graphql(url: string, authorization: string | undefined, text: string): { status: number; body: unknown } {
    if (!url.startsWith('/graphql')) return { status: 404, body: { message: 'not found' } };
    if (authorization !== `Bearer ${this.#token}`) return { status: 401, body: { message: 'unauthorized' } };
    let body: { query?: unknown; variables?: { id?: unknown; details?: Record<string, unknown> } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { status: 400, body: { errors: [{ message: 'not JSON' }] } };
    }
    const id = body.variables?.id;
    const details = body.variables?.details;
    if (typeof body.query !== 'string' || !body.query.includes('confirmRegistration') || typeof id !== 'string' || !details || typeof details['registrationNumber'] !== 'string') {
      return { status: 200, body: { errors: [{ message: 'confirmRegistration(id, details.registrationNumber) expected' }] } };
    }
    const identifiers = Array.isArray(details['identifiers']) ? (details['identifiers'] as { type: string; value: string }[]) : [];
    const confirmation: Confirmation = { id, registrationNumber: details['registrationNumber'], identifiers, comment: typeof details['comment'] === 'string' ? details['comment'] : null };
    this.confirmations.push(confirmation);
    this.events.emit('confirmation', confirmation);
    return { status: 200, body: { data: { confirmRegistration: id } } };
  }
}
