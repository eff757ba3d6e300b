import { createHmac, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import type { MosipSimulator, Route } from '../MosipSimulator';
import type { SimPacket } from '../SimState';
import { partnerCredentialEncrypt } from '../simCrypto';
import { mosipTime, type SimReply, type SimRequest } from '../simHttp';

/**
 * Tries per delivery, as MOSIP's hub (mosip/websub `hub/start_hub.bal` HubClient retryConfig with
 * `hub/modules/config/configurations.bal` MESSAGE_DELIVERY_COUNT = 3; its 3 s interval, doubling, is
 * not waited here so tests need not wait).
 */
const DELIVERY_TRIES = 3;

/** Deliveries made by the hub, newest last (reported by GET /_sim/stats). */
export interface WebSubDelivery {
  readonly topic: string;
  readonly callback: string;
  readonly status: number | string;
}

const deliveries = new WeakMap<MosipSimulator, WebSubDelivery[]>();

export function deliveriesOf(sim: MosipSimulator): WebSubDelivery[] {
  let list = deliveries.get(sim);
  if (!list) deliveries.set(sim, (list = []));
  return list;
}

/** WebSub hub (§4.9): subscribe with intent verification, publish, HMAC-signed delivery. */
export function websubRoutes(sim: MosipSimulator): Route[] {
  return [{ method: 'POST', pattern: /^\/websub\/hub$/, auth: true, handler: (req) => hub(sim, req) }];
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost';
  } catch {
    return false;
  }
}

async function hub(sim: MosipSimulator, req: SimRequest): Promise<SimReply> {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const mode = form.get('hub.mode');
  const topic = form.get('hub.topic') ?? '';
  if (!topic) return { status: 400, body: 'hub.topic is required' };
  if (mode === 'publish') {
    const content = form.get('hub.content');
    await deliver(sim, topic, content ? (JSON.parse(content) as unknown) : {});
    return { status: 202, body: '' };
  }
  const callback = form.get('hub.callback') ?? '';
  // The simulator only ever calls back on loopback: it must never reach another host.
  if (mode !== 'subscribe' && mode !== 'unsubscribe') return { status: 400, body: 'hub.mode must be subscribe, unsubscribe or publish' };
  if (!isLoopback(callback)) return { status: 400, body: 'hub.callback must be a loopback URL' };
  const challenge = randomBytes(16).toString('hex');
  const verifyUrl = new URL(callback);
  verifyUrl.searchParams.set('hub.mode', mode);
  verifyUrl.searchParams.set('hub.topic', topic);
  verifyUrl.searchParams.set('hub.challenge', challenge);
  verifyUrl.searchParams.set('hub.lease_seconds', '864000');
  // Verified before answering (real hubs verify after the 202) so tests need not poll.
  const answer = await fetch(verifyUrl, { signal: AbortSignal.timeout(5000) });
  if (answer.status !== 200 || (await answer.text()) !== challenge) return { status: 400, body: 'intent verification failed' };
  const subs = sim.state.data.subscriptions.filter((s) => !(s.topic === topic && s.callback === callback));
  if (mode === 'subscribe') subs.push({ topic, callback, secret: form.get('hub.secret') ?? '' });
  sim.state.data.subscriptions = subs;
  sim.state.save();
  if (mode === 'subscribe') await redeliver(sim, topic, callback);
  return { status: 202, body: '' };
}

/**
 * What a subscriber missed is sent when it subscribes again: in mosip/websub `hub/start_hub.bal` a
 * failed delivery ends the subscriber's consumer before its Kafka offset is committed, and a new
 * consumer resumes from that offset when the subscriber list next changes (a re-subscription).
 */
async function redeliver(sim: MosipSimulator, topic: string, callback: string): Promise<void> {
  const waiting = (sim.state.data.undelivered ?? []).filter((u) => u.topic === topic && u.callback === callback);
  if (waiting.length === 0) return;
  sim.state.data.undelivered = (sim.state.data.undelivered ?? []).filter((u) => !waiting.includes(u));
  sim.state.save();
  for (const u of waiting) await deliverTo(sim, u.topic, u.callback, u.body);
}

async function deliver(sim: MosipSimulator, topic: string, body: unknown): Promise<void> {
  const bytes = JSON.stringify(body);
  for (const sub of sim.state.data.subscriptions.filter((s) => s.topic === topic)) await deliverTo(sim, topic, sub.callback, bytes);
}

/** One message to one subscriber, signed with its current secret; kept for later when every try fails. */
async function deliverTo(sim: MosipSimulator, topic: string, callback: string, bytes: string): Promise<void> {
  const sub = sim.state.data.subscriptions.find((s) => s.topic === topic && s.callback === callback);
  if (!sub) return;
  const signature = createHmac('sha256', sub.secret).update(bytes).digest('hex');
  for (let attempt = 1; attempt <= DELIVERY_TRIES; attempt++) {
    try {
      const res = await fetch(callback, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature': `sha256=${signature}` },
        body: bytes,
        signal: AbortSignal.timeout(5000),
      });
      deliveriesOf(sim).push({ topic, callback, status: res.status });
      if (res.ok) return;
    } catch (err) {
      deliveriesOf(sim).push({ topic, callback, status: String((err as Error).message) });
    }
  }
  sim.state.data.undelivered = [...(sim.state.data.undelivered ?? []), { topic, callback, body: bytes }];
  sim.state.save();
}

/**
 * The credential as its partner receives it: encrypted to the partner's certificate when partner
 * management has one (`POST /_sim/partners`), else base64 JSON (§2.4; older tests read that form).
 */
function credentialFor(sim: MosipSimulator, topic: string, credential: unknown): string {
  const certPem = sim.state.data.partners?.[topic.slice(0, topic.lastIndexOf('/'))];
  const plain = Buffer.from(JSON.stringify(credential));
  if (!certPem) return plain.toString('base64');
  const cert = new X509Certificate(certPem);
  return partnerCredentialEncrypt(cert.publicKey, Buffer.from(cert.raw), plain).toString('base64');
}

/** CREDENTIAL_ISSUED for every subscribed `<partner>/CREDENTIAL_ISSUED` topic. */
export async function publishCredentialIssued(sim: MosipSimulator, packet: SimPacket): Promise<void> {
  const now = sim.clock.now();
  const topics = new Set(sim.state.data.subscriptions.map((s) => s.topic).filter((t) => t.endsWith('CREDENTIAL_ISSUED')));
  for (const topic of topics) {
    const credential = { credentialSubject: { id: `https://sim.mosip/credentials/${packet.registrationId}`, UIN: packet.uin, VID: packet.uin } };
    await deliver(sim, topic, {
      publisher: 'CREDENTIAL_SERVICE',
      topic,
      publishedOn: mosipTime(now),
      event: {
        id: randomUUID(),
        transactionId: randomUUID(),
        type: { namespace: 'mosip', name: 'CREDENTIAL_ISSUED' },
        timestamp: mosipTime(now),
        data: {
          registrationId: packet.registrationId,
          credential: credentialFor(sim, topic, credential),
          credentialType: 'vercred',
          protectionKey: null,
        },
      },
    });
  }
}
