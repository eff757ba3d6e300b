import { METHOD_NAMES, type EventName, type EventPayload, type MethodInput, type MethodName, type MethodOutput } from '../../schemas/api/contract';
import type { RegclientBridge } from '../../schemas/api/transport';
import { deserializeError } from '../../schemas/errors';

/** Typed client over the contract: `api['auth.login'](input)` resolves or throws an AppError. */
export type ApiClient = { readonly [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> } & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** One generic Proxy, no per-method stubs (STYLE rule 9). */
export function createApiClient(bridge: RegclientBridge): ApiClient {
  const call = async (method: string, input: unknown) => {
    const reply = await bridge.invoke(method, input);
    if (!reply.ok) throw deserializeError(reply.error);
    return reply.value;
  };
  const on = (name: string, listener: (payload: unknown) => void) =>
    bridge.on((eventName, payload) => {
      if (eventName === name) listener(payload);
    });
  const known = new Set<string>(METHOD_NAMES);
  return new Proxy({} as ApiClient, {
    get(_target, prop) {
      if (prop === 'on') return on;
      if (typeof prop === 'string' && known.has(prop)) return (input: unknown) => call(prop, input);
      return undefined;
    },
  });
}
