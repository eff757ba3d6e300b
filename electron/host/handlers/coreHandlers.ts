import { statfsSync } from 'node:fs';
import type { coreApi } from '../../../schemas/api/coreApi';
import { getOperator, setOperatorLanguage } from '../../services/db/repos/operators';
import type { AreaHandlers, HandlerDeps } from './createHandlers';
import { createLogger, toLogFormat } from '../../services/log/createLogger';

const log = createLogger('handlers');

function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The spine's methods. Roles were already checked by the Router. */
/**
 * MOSIP's client logs in to the server whenever it can (incumbent §1.5); ours never waits for it:
 * the local login already succeeded, and a failed server login only means the outbox waits.
 */
function logInToServerInBackground(sync: HandlerDeps['sync'], userId: string, password: string): void {
  const run = async () => {
    try {
      // through AppSync, so a "Sync now" meanwhile waits for this login and reports its refusal
      await sync.appSync.logIn(userId, password);
    } catch (err) {
      log.warn('server login after local login failed; sync will retry', { error: toLogFormat(err) });
    }
  };
  void run();
}

export function coreHandlers({ data, auth, sessions, options, clock, sync }: HandlerDeps): AreaHandlers<typeof coreApi> {
  return {
    'app.info': async () => ({
      version: options.version,
      host: options.host,
      isDemo: options.isDemo,
      centreId: data.identity.centreId,
      machineId: data.identity.machineId,
      keyIndex: data.identity.keyIndex,
      keyProtection: data.keyProtection,
    }),

    'auth.login': async ({ userId, password }, ctx) => {
      const operator = await auth.verify(userId, password);
      logInToServerInBackground(sync, userId, password);
      return sessions.start(ctx.connectionId, operator, ctx.sink);
    },

    'auth.session': async (_input, ctx) => sessions.get(ctx.connectionId) ?? null,

    'auth.logout': async (_input, ctx) => {
      sessions.end(ctx.connectionId, 'logout');
      return {};
    },

    'auth.touch': async () => ({}),

    'operator.setLanguage': async ({ language }, ctx) => {
      const userId = ctx.session.userId;
      const before = getOperator(data.db, userId)?.language;
      data.db.transaction(() => {
        setOperatorLanguage(data.db, userId, language, clock.now());
        data.audit.append('LANGUAGE_CHANGED', userId, { from: before ?? null, to: language });
      })();
      return sessions.update(ctx.connectionId, { language });
    },

    'home.summary': async (_input, ctx) => {
      const fs = statfsSync(data.dataDir);
      // The last successful down-sync, as the scheduler recorded it (run on schedule or on demand).
      const downSync = sync.scheduler.status().find((j) => j.job === 'downSync' && j.lastOk === true);
      return {
        machine: data.identity,
        disk: { dataDir: data.dataDir, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize },
        auditEntriesToday: data.audit.countSince(startOfLocalDay(clock.now())),
        lastLoginAt: ctx.session ? ctx.session.loggedInAt : null,
        lastSyncAt: downSync?.lastRunAt ?? null,
      };
    },

    'audit.verify': async (_input, ctx) => {
      const result = await data.audit.verifyInSlices();
      data.audit.append('AUDIT_VERIFIED', ctx.session.userId, { ok: result.ok, entries: result.entries });
      return result;
    },

    'audit.recent': async (request) => data.audit.page(request),
  };
}
