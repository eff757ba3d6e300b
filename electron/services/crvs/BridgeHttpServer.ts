import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { CredentialIssued, MAX_WEBHOOK_BYTES, MAX_WEBSUB_BYTES } from '../../../schemas/crvsBridge';
import { AppError, isAppError } from '../../../schemas/errors';
import { verifyActionToken } from './actionToken';
import { bearerTokenProblem } from './bearerToken';
import type { CrvsBridgeService } from './CrvsBridgeService';
import { CredentialFormatError, decryptCredential } from './decryptCredential';
import { hubSignatureProblem } from './hubSignature';
import { parseInteropPayload, parseRevocation } from './parseInteropPayload';
import { readBoundedBody } from './readBoundedBody';

/** Where OpenCRVS posts events (the path of OpenCRVS's own mediator, opencrvs/mosip mosip-api `/events/registration`). */
export const WEBHOOK_PATH = '/events/registration';
/** Where the civil registry reports a revocation (the bridge's own shape: OpenCRVS's MOSIP integration has none). */
export const REVOCATION_PATH = '/events/revocation';
/** Where MOSIP's hub verifies intent (GET) and delivers CREDENTIAL_ISSUED (POST). */
export const WEBSUB_PATH = '/websub/callback';

export interface BridgeHttpDeps {
  readonly service: CrvsBridgeService;
  readonly webhookToken: Buffer;
  /**
   * `v2-events`: OpenCRVS's auth public key. The registration webhook then takes OpenCRVS's
   * action-confirmation token (kept with the event for the accept call) instead of the bridge's
   * static token; revocations keep the static token (their shape is the bridge's own).
   */
  readonly actionTokenKey?: KeyObject;
  /** the bridge's clock, for the action token's expiry */
  readonly now: () => number;
  readonly websubSecret: Buffer;
  /** the topic this bridge subscribed to: intent verification for any other is refused */
  readonly topic: string;
  readonly partnerKey: KeyObject;
  readonly partnerCertDer: Uint8Array;
  /** an event was stored or a credential arrived: the loop should run a pass now */
  readonly onWork: () => void;
  readonly log: (line: string) => void;
}

const STATUS: Readonly<Record<string, number>> = {
  ERR_CRVS_WEBHOOK_UNAUTHORIZED: 401,
  ERR_CRVS_WEBSUB_SIGNATURE_INVALID: 401,
  ERR_CRVS_PAYLOAD_TOO_LARGE: 413,
  ERR_CRVS_EVENT_NOT_FOUND: 404,
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const bytes = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', 'content-length': Buffer.byteLength(bytes) });
  res.end(bytes);
}

function refuse(res: ServerResponse, err: AppError): void {
  // a refusal names the code, the field and the rule, never what was sent
  send(res, STATUS[err.code] ?? 400, { error: { code: err.code, message: err.message, details: err.details } });
}

/**
 * The bridge's HTTP face: OpenCRVS's National ID webhook (bearer token, bounded body, zod, stored
 * once, 202 before any MOSIP work) and MOSIP's WebSub callback (intent verification, HMAC check,
 * partner-key decryption). Nothing is stored from a refused request.
 */
export function createBridgeHttpServer(d: BridgeHttpDeps): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    const handler = req.method === 'POST' && path === WEBHOOK_PATH ? webhook : req.method === 'POST' && path === REVOCATION_PATH ? revocation : path === WEBSUB_PATH ? (req.method === 'GET' ? intent : req.method === 'POST' ? delivery : undefined) : undefined;
    if (!handler) {
      send(res, 404, 'not found');
      return;
    }
    handler(d, req, res).catch((err: unknown) => {
      if (isAppError(err)) {
        d.log(`refused ${req.method} ${path}: ${err.code}`);
        refuse(res, err);
      } else {
        d.log(`failed ${req.method} ${path}: ${(err as Error).stack ?? String(err)}`);
        send(res, 500, { error: { code: 'ERR_INTERNAL', message: 'internal error', details: {} } });
      }
    });
  });
}

async function webhook(d: BridgeHttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const action = d.actionTokenKey ? await verifyActionToken(req.headers.authorization, d.actionTokenKey, d.now()) : undefined;
  const problem = d.actionTokenKey ? undefined : bearerTokenProblem(req.headers.authorization, d.webhookToken);
  if (problem) throw new AppError('ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: problem });
  const event = parseInteropPayload(await readBoundedBody(req, MAX_WEBHOOK_BYTES));
  if (!d.service.accept(event, action)) {
    send(res, 200, { eventId: event.eventId, status: 'DUPLICATE', code: 'ERR_CRVS_EVENT_DUPLICATE' });
    return;
  }
  send(res, 202, { eventId: event.eventId, status: 'ACCEPTED' });
  d.onWork();
}

async function revocation(d: BridgeHttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const problem = bearerTokenProblem(req.headers.authorization, d.webhookToken);
  if (problem) throw new AppError('ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: problem });
  const body = parseRevocation(await readBoundedBody(req, MAX_WEBHOOK_BYTES));
  if (!d.service.revoke(body)) {
    send(res, 200, { eventId: body.eventId, status: 'DUPLICATE', code: 'ERR_CRVS_EVENT_DUPLICATE' });
    return;
  }
  send(res, 202, { eventId: body.eventId, status: 'RECORDED' });
}

/** W3C WebSub §5.3: echo `hub.challenge` for our own topic only. */
async function intent(d: BridgeHttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const q = new URL(req.url ?? '/', 'http://bridge').searchParams;
  const mode = q.get('hub.mode');
  const challenge = q.get('hub.challenge') ?? '';
  if ((mode === 'subscribe' || mode === 'unsubscribe') && q.get('hub.topic') === d.topic && /^[\x21-\x7e]{1,200}$/.test(challenge)) send(res, 200, challenge);
  else send(res, 404, 'no such subscription');
}

async function delivery(d: BridgeHttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBoundedBody(req, MAX_WEBSUB_BYTES);
  const problem = hubSignatureProblem(req.headers['x-hub-signature'], body, d.websubSecret);
  if (problem) throw new AppError('ERR_CRVS_WEBSUB_SIGNATURE_INVALID', { reason: problem });
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('ERR_CRVS_PAYLOAD_INVALID', { field: '(body)', rule: 'not JSON' });
  }
  const parsed = CredentialIssued.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError('ERR_CRVS_PAYLOAD_INVALID', { field: first.path.join('.').slice(0, 80) || '(root)', rule: first.code });
  }
  const { registrationId: rid, credential } = parsed.data.event.data;
  let nationalId: string;
  try {
    const subject = decryptCredential(credential, d.partnerKey, d.partnerCertDer).credentialSubject;
    nationalId = subject.VID ?? subject.UIN ?? '';
    if (nationalId === '') throw new CredentialFormatError('no UIN or VID in the credential');
  } catch (err) {
    if (!(err instanceof CredentialFormatError)) throw err;
    throw new AppError('ERR_CRVS_CREDENTIAL_UNREADABLE', { rid, reason: err.message });
  }
  const outcome = d.service.issue(rid, nationalId);
  send(res, 200, { status: 'RECEIVED', outcome });
  if (outcome === 'issued') d.onWork();
}
