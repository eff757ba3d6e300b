import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { MosipSimulator, Route } from '../MosipSimulator';
import type { SimPacket } from '../SimState';
import { mosipTime, type SimReply, type SimRequest } from '../simHttp';

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
  return { status: 202, body: '' };
}

async function deliver(sim: MosipSimulator, topic: string, body: unknown): Promise<void> {
  const bytes = JSON.stringify(body);
  for (const sub of sim.state.data.subscriptions.filter((s) => s.topic === topic)) {
    const signature = createHmac('sha256', sub.secret).update(bytes).digest('hex');
    try {
      const res = await fetch(sub.callback, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature': `sha256=${signature}` },
        body: bytes,
        signal: AbortSignal.timeout(5000),
      });
      deliveriesOf(sim).push({ topic, callback: sub.callback, status: res.status });
    } catch (err) {
      deliveriesOf(sim).push({ topic, callback: sub.callback, status: String((err as Error).message) });
    }
  }
}

/**
 * CREDENTIAL_ISSUED for every subscribed `<partner>/CREDENTIAL_ISSUED` topic. The credential is
 * base64 JSON, not the VER_R2 partner-encrypted form a real credential service sends (§2.4).
 */
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
          credential: Buffer.from(JSON.stringify(credential)).toString('base64'),
          credentialType: 'vercred',
          protectionKey: null,
        },
      },
    });
  }
}
