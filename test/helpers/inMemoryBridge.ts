import type { RegclientBridge } from '../../schemas/api/transport';
import type { AppServices } from '../../electron/host/createAppServices';
import { routerCalls } from './routerCalls';

/** The renderer's bridge wired straight to the real Router, as the preload or socket would be. */
export function inMemoryBridge(services: AppServices, connectionId = 'renderer-test'): RegclientBridge {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const sink = (name: string, payload: unknown) => {
    for (const listener of listeners) listener(name, structuredClone(payload));
  };
  return {
    ...routerCalls(services, connectionId, sink),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
