import type { RegclientBridge } from '../../schemas/api/transport';
import type { AppServices } from '../../electron/host/createAppServices';
import { InFlightCalls } from '../../electron/host/InFlightCalls';
import type { EventSink } from '../../electron/services/auth/SessionManager';

/**
 * A test bridge's calls and cancels, through the real Router as the preload or the socket makes
 * them: each call under way has its own signal, and only plain data crosses (structuredClone).
 */
export function routerCalls(services: AppServices, connectionId: string, sink: EventSink): Pick<RegclientBridge, 'invoke' | 'cancel'> {
  const calls = new InFlightCalls();
  return {
    invoke: async (callId, method, input) =>
      structuredClone(await calls.run(callId, (signal) => services.router.dispatch({ connectionId, sink, signal }, method, structuredClone(input)))),
    cancel: (callId) => void calls.cancel(callId),
  };
}
