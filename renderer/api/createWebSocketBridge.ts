import { ServerFrame, type RegclientBridge, type Reply } from '../../schemas/api/transport';

/**
 * The browser host's transport: the same bridge as Electron's preload, over one WebSocket to
 * 127.0.0.1 authenticated by this run's token. Calls made while the socket is closed fail with
 * a typed error instead of hanging.
 */
export function createWebSocketBridge(url: string): RegclientBridge {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const pending = new Map<number, (reply: Reply) => void>();
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolvePromise, reject) => {
    socket.addEventListener('open', () => resolvePromise());
    socket.addEventListener('error', () => reject(new Error('connection to the app failed')));
  });
  socket.addEventListener('message', (event) => {
    const frame = ServerFrame.safeParse(JSON.parse(String(event.data)));
    if (!frame.success) return;
    if (frame.data.type === 'reply') {
      pending.get(frame.data.seq)?.(frame.data.reply);
      pending.delete(frame.data.seq);
    } else {
      for (const listener of listeners) listener(frame.data.name, frame.data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolveReply of pending.values()) resolveReply(disconnected());
    pending.clear();
    for (const listener of listeners) listener('transport.onDidDisconnect', {});
  });
  return {
    async invoke(callId, method, input) {
      try {
        await opened;
      } catch {
        return disconnected();
      }
      if (socket.readyState !== WebSocket.OPEN) return disconnected();
      return new Promise<Reply>((resolvePromise) => {
        pending.set(callId, resolvePromise);
        socket.send(JSON.stringify({ type: 'call', seq: callId, method, input }));
      });
    },
    cancel(callId) {
      // the reply (ERR_CANCELLED, or the value when the work had already ended) still settles the call
      if (pending.has(callId) && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'cancel', seq: callId }));
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function disconnected(): Reply {
  return { ok: false, error: { code: 'ERR_INTERNAL', message: 'the app back end is not connected', details: {} } };
}
