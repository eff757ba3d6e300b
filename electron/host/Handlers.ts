import type { Api, MethodInput, MethodName, MethodOutput } from '../../schemas/api/contract';
import type { Access } from '../../schemas/api/defineApi';
import type { SessionInfo } from '../../schemas/operators';
import type { EventSink } from '../services/auth/SessionManager';

/** Who is calling: one UI connection (an Electron window, a browser-host socket, a test). */
export interface CallContext {
  readonly connectionId: string;
  readonly sink: EventSink;
  /** fires when the caller cancels this call (a cancel frame); absent: the call cannot be cancelled */
  readonly signal?: AbortSignal;
}

interface BaseHandlerContext {
  readonly connectionId: string;
  readonly sink: EventSink;
  /** fires when the caller cancels: long work passes it on (HTTP, devices) and stops */
  readonly signal: AbortSignal;
}

/** A `public` method's context: the caller may or may not be logged in. */
export interface PublicHandlerContext extends BaseHandlerContext {
  readonly session: SessionInfo | undefined;
}

/** Every other method's context: the Router ran it only for a live session holding the roles. */
export interface SessionHandlerContext extends BaseHandlerContext {
  readonly session: SessionInfo;
}

/** Any handler's context, as the Router builds it before it knows the method. */
export type HandlerContext = PublicHandlerContext | SessionHandlerContext;

/** The context a method of this access level gets. */
export type ContextFor<A extends Access> = [A] extends ['public'] ? PublicHandlerContext : SessionHandlerContext;

export type Handler<M extends MethodName> = (input: MethodInput<M>, ctx: ContextFor<Api[M]['access']>) => Promise<MethodOutput<M>>;

/** One handler per contract method: a method added to the contract does not compile until it is here. */
export type Handlers = { readonly [M in MethodName]: Handler<M> };
