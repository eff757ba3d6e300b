import type { MethodInput, MethodName, MethodOutput } from '../../schemas/api/contract';
import type { AuthProcess } from '../../schemas/operators';
import { deserializeError } from '../../schemas/errors';
import type { CliContext } from './CliCommand';
import { openCliDataDir } from './cliDataDir';
import { cliVersion } from './cliVersion';

/** The contract as one CLI command calls it: a failed call throws its AppError. */
export interface CliApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/**
 * The CLI's in-process transport to the app's Router: a decision made from the command line is
 * checked by the same roles, input schema and handler as the app's, and audited the same way
 * (a refused role is ROLE_DENIED). The operator's password is checked as at the login screen, or as
 * MOSIP's `eod_auth` for an end-of-day decision the app takes inside a session (requeue, export);
 * the session lasts this one command. No server login starts: decisions are local.
 */
export async function withCliRouter<T>(ctx: CliContext, operator: Readonly<{ userId: string; password: string; process?: AuthProcess }>, fn: (api: CliApi) => Promise<T>): Promise<T> {
  // loaded here: the read-only commands never pay for assembling the app
  const { createAppServices } = await import('../host/createAppServices');
  const data = openCliDataDir(ctx);
  let services: Awaited<ReturnType<typeof createAppServices>>;
  try {
    services = await createAppServices(data, { host: 'cli', isDemo: false, version: cliVersion(), startScheduler: false, watchUsb: false, ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}) });
  } catch (err) {
    data.close();
    throw err;
  }
  const connectionId = `cli-${process.pid}`;
  try {
    const signedIn = await services.auth.verify(operator.userId, operator.password, operator.process ?? 'login_auth');
    // events (progress, changes) are for windows; a command prints its own result
    services.sessions.start(connectionId, signedIn, () => undefined);
    return await fn({
      async call(method, input) {
        const reply = await services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
        if (!reply.ok) throw deserializeError(reply.error);
        return reply.value as MethodOutput<typeof method>;
      },
    });
  } finally {
    services.disconnect(connectionId);
    await services.dispose();
  }
}
