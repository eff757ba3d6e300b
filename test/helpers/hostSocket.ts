import WebSocket from 'ws';

/** A reply as the browser host sends it, loosely read. */
export interface LooseReply {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { code: string; details?: unknown };
}

/** Opens the browser host's API socket as a page of `origin` would. */
export function openSocket(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolvePromise(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends one call frame and resolves with its reply. */
export function callOver(ws: WebSocket, seq: number, method: string, input: unknown): Promise<LooseReply> {
  const reply = replyTo(ws, seq);
  ws.send(JSON.stringify({ type: 'call', seq, method, input }));
  return reply;
}

/** Resolves with the reply numbered `seq` when it comes. */
export function replyTo(ws: WebSocket, seq: number): Promise<LooseReply> {
  return new Promise((resolvePromise) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as { type: string; seq?: number; reply?: LooseReply };
      if (frame.type === 'reply' && frame.seq === seq && frame.reply) {
        ws.off('message', onMessage);
        resolvePromise(frame.reply);
      }
    };
    ws.on('message', onMessage);
  });
}

/** Every frame the host sends on this socket from now on, parsed, in order. */
export function recordFrames(ws: WebSocket): { type: string; seq?: number; name?: string; payload?: unknown }[] {
  const frames: { type: string; seq?: number; name?: string; payload?: unknown }[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as (typeof frames)[number]));
  return frames;
}
