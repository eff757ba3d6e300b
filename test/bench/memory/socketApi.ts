import WebSocket from 'ws';
import { createApiClient, type ApiClient } from '../../../renderer/api/createApiClient';
import { createWebSocketBridge } from '../../../renderer/api/createWebSocketBridge';

/**
 * The typed API over the host's WebSocket through the renderer's own bridge (createWebSocketBridge),
 * so the bench calls the host exactly as the page does. Node 20 has no global WebSocket: `ws` stands
 * in for it, sending the page's Origin, which the host checks.
 */
export function socketApi(hostUrl: string): ApiClient {
  const { origin, host, searchParams } = new URL(hostUrl);
  class PageWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  }
  // for the bench process's life: the bridge reads WebSocket.OPEN on every call
  Object.assign(globalThis, { WebSocket: PageWebSocket });
  return createApiClient(createWebSocketBridge(`ws://${host}/ws?token=${encodeURIComponent(searchParams.get('token') ?? '')}`));
}
