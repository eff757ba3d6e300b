import type { z } from 'zod';
import { api, isMethodName, type MethodName } from '../../schemas/api/contract';
import type { Access } from '../../schemas/api/defineApi';
import type { Reply } from '../../schemas/api/transport';
import { AppError, CancelledError, isAppError, serializeError } from '../../schemas/errors';
import type { SessionInfo } from '../../schemas/operators';
import type { AuditLog } from '../services/audit/AuditLog';
import type { SessionManager } from '../services/auth/SessionManager';
import { createLogger, toLogFormat } from '../services/log/createLogger';
import type { CallContext, Handlers, HandlerContext } from './Handlers';

const log = createLogger('router');

/** the signal of a call no one can cancel (a transport without cancel frames) */
const NEVER_CANCELLED = new AbortController().signal;

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}

/**
 * The one dispatcher behind every transport (Electron IPC, browser-host WebSocket, tests): checks
 * the method, the caller's session and role, then the input, before the handler runs; checks the
 * output after. Errors come back as data, never thrown across the boundary.
 */
export class Router {
  readonly #handlers: Handlers;
  readonly #sessions: SessionManager;
  readonly #audit: AuditLog;

  constructor(deps: { handlers: Handlers; sessions: SessionManager; audit: AuditLog }) {
    this.#handlers = deps.handlers;
    this.#sessions = deps.sessions;
    this.#audit = deps.audit;
  }

  async dispatch(ctx: CallContext, method: unknown, rawInput: unknown): Promise<Reply> {
    try {
      if (!isMethodName(method)) throw new AppError('ERR_IPC_UNKNOWN_METHOD', { method: String(method).slice(0, 100) });
      const session = this.#authorize(ctx, method);
      const spec = api[method];
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) throw new AppError('ERR_IPC_INVALID_INPUT', { method, issues: issuesOf(parsed.error) });
      const signal = ctx.signal ?? NEVER_CANCELLED;
      // cancelled while it waited in the socket's queue: the work never starts
      if (signal.aborted) throw new CancelledError();
      const handlerCtx: HandlerContext = { connectionId: ctx.connectionId, sink: ctx.sink, signal, session };
      const value = await (this.#handlers[method] as (input: unknown, c: HandlerContext) => Promise<unknown>)(parsed.data, handlerCtx);
      const output = spec.output.safeParse(value);
      if (!output.success) throw new AppError('ERR_IPC_INVALID_OUTPUT', { method, issues: issuesOf(output.error) });
      return { ok: true, value: output.data };
    } catch (thrown) {
      // whatever a cancelled call fails with (an aborted request, a reset device socket) is its cancel
      const err = ctx.signal?.aborted && !(thrown instanceof CancelledError) ? new CancelledError({ cause: thrown }) : thrown;
      if (!isAppError(err) || err.code === 'ERR_IPC_INVALID_OUTPUT') log.error(`call failed: ${String(method)}`, { error: toLogFormat(err) });
      return { ok: false, error: serializeError(err) };
    }
  }

  #authorize(ctx: CallContext, method: MethodName): SessionInfo | undefined {
    const access: Access = api[method].access;
    if (access === 'public') return this.#sessions.get(ctx.connectionId);
    const session = this.#sessions.require(ctx.connectionId);
    if (access === 'session') return session;
    if (!session.roles.some((role) => access.includes(role))) {
      this.#audit.append('ROLE_DENIED', session.userId, { method, roles: session.roles });
      throw new AppError('ERR_AUTH_FORBIDDEN', { method, requiredRoles: [...access] });
    }
    return session;
  }
}
