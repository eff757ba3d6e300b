import { METHOD_NAMES, type EventName, type EventPayload, type MethodInput, type MethodName, type MethodOutput } from '../../schemas/api/contract';
import type { RegclientBridge, Reply } from '../../schemas/api/transport';
import { CancelledError, deserializeError } from '../../schemas/errors';

/** What a caller may add to any call. */
export interface CallOptions {
  /** aborting it stops the call in the main process and rejects it with CancelledError at once */
  readonly signal?: AbortSignal;
}

/** Typed client over the contract: `api['auth.login'](input)` resolves or throws an AppError. */
export type ApiClient = { readonly [M in MethodName]: (input: MethodInput<M>, options?: CallOptions) => Promise<MethodOutput<M>> } & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

function valueOf(reply: Reply): unknown {
  if (!reply.ok) throw deserializeError(reply.error);
  return reply.value;
}

/** One generic Proxy, no per-method stubs (STYLE rule 9). */
export function createApiClient(bridge: RegclientBridge): ApiClient {
  let nextCallId = 0;
  const call = async (method: string, input: unknown, options: CallOptions = {}): Promise<unknown> => {
    const { signal } = options;
    if (signal?.aborted) throw new CancelledError();
    const callId = nextCallId++;
    if (!signal) return valueOf(await bridge.invoke(callId, method, input));
    // like fetch: the page stops waiting at once; the main process stops the work and answers a reply no one reads
    return new Promise((resolvePromise, reject) => {
      const onAbort = () => {
        bridge.cancel(callId);
        reject(new CancelledError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = async () => {
        try {
          resolvePromise(valueOf(await bridge.invoke(callId, method, input)));
        } catch (err) {
          reject(err);
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
      };
      void settle();
    });
  };
  const on = (name: string, listener: (payload: unknown) => void) =>
    bridge.on((eventName, payload) => {
      if (eventName === name) listener(payload);
    });
  const known = new Set<string>(METHOD_NAMES);
  return new Proxy({} as ApiClient, {
    get(_target, prop) {
      if (prop === 'on') return on;
      if (typeof prop === 'string' && known.has(prop)) return (input: unknown, options?: CallOptions) => call(prop, input, options);
      return undefined;
    },
  });
}
