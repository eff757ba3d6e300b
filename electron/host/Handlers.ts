import type { MethodInput, MethodName, MethodOutput } from '../../schemas/api/contract';
import type { SessionInfo } from '../../schemas/operators';
import type { EventSink } from '../services/auth/SessionManager';

/** Who is calling: one UI connection (an Electron window, a browser-host socket, a test). */
export interface CallContext {
  readonly connectionId: string;
  readonly sink: EventSink;
}

export interface HandlerContext extends CallContext {
  /** the caller's session; set for every method whose access is not `public` */
  readonly session: SessionInfo | undefined;
}

export type Handler<M extends MethodName> = (input: MethodInput<M>, ctx: HandlerContext) => Promise<MethodOutput<M>>;

/** One handler per contract method: a method added to the contract does not compile until it is here. */
export type Handlers = { readonly [M in MethodName]: Handler<M> };
