import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../schemas/api/contract';
import type { AuthProcess } from '../../schemas/operators';
import { AppError, deserializeError } from '../../schemas/errors';
import type { EventSink } from '../services/auth/SessionManager';
import type { AppServices } from '../host/createAppServices';
import type { CliContext } from './CliCommand';
import { openCliDataDir } from './cliDataDir';
import { cliVersion } from './cliVersion';

/** The contract as one CLI command calls it: a failed call throws its AppError. */
export interface CliApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Who runs the command, and how they are checked. */
export interface CliOperator {
  readonly userId: string;
  readonly password: string;
  /** the local check's process: a login (default), or MOSIP's `eod_auth` for an end-of-day decision */
  readonly process?: AuthProcess;
  /** log in to the MOSIP server first, as the app does when online (`sync`: the work needs the server session) */
  readonly serverLogin?: boolean;
}

/** Per event name, what the command does with it; the others are ignored (a command prints its own result). */
export type CliEventHandlers = { readonly [E in EventName]?: (payload: EventPayload<E>) => void };

/** An EventSink that hands each event to its handler, if the command has one. */
export function cliEventSink(handlers: CliEventHandlers): EventSink {
  return (name, payload) => {
    const handler = handlers[name] as ((p: typeof payload) => void) | undefined;
    handler?.(payload);
  };
}

/**
 * The CLI's in-process transport to the app's Router: a command is checked by the same roles, input
 * schema and handler as the app's, and audited the same way (a refused role is ROLE_DENIED). The
 * operator's password is checked as at the login screen, or as MOSIP's `eod_auth` for an end-of-day
 * decision the app takes inside a session (requeue, export); the session lasts this one command.
 * Events the handlers send to their caller (progress) go to `events`.
 */
export async function withCliRouter<T>(ctx: CliContext, operator: CliOperator, fn: (api: CliApi) => Promise<T>, events: CliEventHandlers = {}): Promise<T> {
  // loaded here: the read-only commands never pay for assembling the app
  const { createAppServices } = await import('../host/createAppServices');
  const data = openCliDataDir(ctx);
  let services: AppServices;
  try {
    services = await createAppServices(data, {
      host: 'cli', isDemo: false, version: cliVersion(), startScheduler: false, watchUsb: false,
      ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}),
      ...(operator.serverLogin ? { serverCredentials: { userId: operator.userId, password: operator.password } } : {}),
    });
  } catch (err) {
    data.close();
    throw err;
  }
  const connectionId = `cli-${process.pid}`;
  const sink = cliEventSink(events);
  try {
    if (operator.serverLogin) await logInOnline(services, operator);
    const signedIn = await services.auth.verify(operator.userId, operator.password, operator.process ?? 'login_auth');
    services.sessions.start(connectionId, signedIn, sink);
    return await fn({
      async call(method, input) {
        const reply = await services.router.dispatch({ connectionId, sink }, method, input);
        if (!reply.ok) throw deserializeError(reply.error);
        return reply.value as MethodOutput<typeof method>;
      },
    });
  } finally {
    services.disconnect(connectionId);
    await services.dispose();
  }
}

/**
 * MOSIP's online password login: the server first (AuthenticationServiceImpl.validatePassword asks
 * for a token whenever the machine is online), through the app's own server login (AppSync.logIn,
 * which the app's `auth.login` starts in the background), and awaited: a refusal or an unreachable
 * server ends the command with its code. The password the server accepted becomes the operator's
 * offline one (AuthService.adoptServerPassword), so an operator who came down with the user sync
 * passes the local check that follows.
 */
async function logInOnline(services: AppServices, operator: CliOperator): Promise<void> {
  const attempt = services.sync.appSync.logIn(operator.userId, operator.password);
  if (!attempt) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address (--server)' });
  await attempt;
  await services.auth.adoptServerPassword(operator.userId, operator.password);
}
