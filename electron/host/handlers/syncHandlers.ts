import type { z } from 'zod';
import type { syncApi } from '../../../schemas/api/syncApi';
import { AppError } from '../../../schemas/errors';
import type { RemovableDrive } from '../../../schemas/exportTargets';
import type { AuthService } from '../../services/auth/AuthService';
import type { AppSync } from '../../services/sync/AppSync';
import type { EndOfDay } from '../../services/sync/endOfDay';
import { OUTBOX_GROUP_STATES, type ApprovalAction } from '../../../schemas/outbox';
import type { PacketApprovalService } from '../../services/sync/approval/PacketApprovalService';
import type { OfflineLimitsService } from '../../services/sync/outbox/OfflineLimitsService';
import type { OutboxService } from '../../services/sync/outbox/OutboxService';
import type { PacketExportService } from '../../services/sync/outbox/PacketExportService';
import type { RetentionService } from '../../services/sync/outbox/RetentionService';
import type { SyncScheduler } from '../../services/sync/SyncScheduler';
import type { ContextFor, SessionHandlerContext } from '../Handlers';
import type { AreaHandlers } from './createHandlers';

/** The sync area's services, assembled by createAppServices. */
export interface SyncHandlerDeps {
  readonly auth: AuthService;
  readonly approval: PacketApprovalService;
  readonly outbox: OutboxService;
  readonly scheduler: SyncScheduler;
  readonly exporter: PacketExportService;
  readonly limits: OfflineLimitsService;
  readonly retention: RetentionService;
  /** a person's end of day over the server session; absent in the area's unit tests */
  readonly endOfDay?: EndOfDay;
  /** with a server: session, machine check and down-sync before the outbox; without: the outbox alone */
  readonly appSync?: AppSync;
  /** the removable drives mounted now (listRemovableDrives) */
  readonly removableDrives: () => Promise<RemovableDrive[]>;
  /** the desktop app's OS folder picker; undefined in the browser host */
  readonly pickFolder?: () => Promise<string | undefined>;
}

type SyncApi = typeof syncApi;
/** The handler table typed from syncApi itself, so it is checked before the area is in the contract. */
export type SyncHandlerTable = { readonly [M in keyof SyncApi]: (input: z.infer<SyncApi[M]['input']>, ctx: ContextFor<SyncApi[M]['access']>) => Promise<z.infer<SyncApi[M]['output']>> };


/** End of day and sync methods. Roles were checked by the Router; decisions re-check the supervisor's password. */
export function syncHandlers(deps: SyncHandlerDeps): AreaHandlers<typeof syncApi> & SyncHandlerTable {
  const decide = (action: ApprovalAction) => async (input: z.infer<SyncApi['packets.approve']['input']>, ctx: SessionHandlerContext) => {
    // Same rule as the CLI: a fresh password check (MOSIP eod_auth, audited as such, counted towards
    // the lockout), and the service checks the role itself.
    const operator = await deps.auth.verify(ctx.session.userId, input.password, 'eod_auth');
    return deps.approval.decide({ userId: operator.userId, roles: operator.roles }, action, { ids: input.ids, ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}) });
  };
  return {
    'packets.list': async (filter) => deps.outbox.list(filter),
    'packets.reasons': async ({ langCode }) => deps.approval.reasons(langCode),
    'packets.summary': async ({ rid }) => deps.approval.summary(rid),
    'packets.approve': decide('approve'),
    'packets.reject': decide('reject'),
    'packets.hold': decide('hold'),
    'packets.decideMatching': async ({ password, ...request }, ctx) => {
      const operator = await deps.auth.verify(ctx.session.userId, password, 'eod_auth');
      const actor = { userId: operator.userId, roles: operator.roles };
      return deps.approval.decideMatching(actor, request, { signal: ctx.signal, onProgress: (p) => ctx.sink('packets.onDidDecideProgress', p) });
    },
    'outbox.list': async ({ group, ...request }) => deps.outbox.list(request, OUTBOX_GROUP_STATES[group]),
    'outbox.requeue': async ({ id }, ctx) => deps.outbox.requeue(id, ctx.session.userId),
    // a person asked: the server may be back, so items waiting out an automatic backoff go now
    'sync.now': async (_input, ctx) => (deps.appSync ? deps.appSync.run(ctx.signal) : deps.outbox.run({ ignoreBackoff: true, signal: ctx.signal })),
    'sync.downSync': async ({ full }, ctx) => {
      if (!deps.appSync) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' });
      return (await deps.appSync.ensureSession()).downSync({ full, signal: ctx.signal });
    },
    // progress to the caller (the CLI's bar; a window also gets the outbox's broadcast of it)
    'sync.endOfDay': async (input, ctx) => {
      if (!deps.endOfDay) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' });
      return deps.endOfDay.run(input, { signal: ctx.signal, onProgress: (p) => ctx.sink('sync.onDidProgress', p) });
    },
    'sync.reconcileStatuses': async (_input, ctx) => {
      if (!deps.appSync) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' });
      await deps.appSync.ensureSession();
      return deps.outbox.pollStatuses({ signal: ctx.signal });
    },
    'sync.status': async () => ({ jobs: deps.scheduler.status(), limits: deps.limits.check(), parked: deps.outbox.parkedCount(), nextAttemptAt: deps.outbox.nextAttemptAt() ?? null }),
    'sync.retentionSpace': async () => deps.retention.space(),
    'sync.setSchedule': async (schedule, ctx) => deps.scheduler.setSchedule(schedule, ctx.session.userId),
    'sync.export': async ({ dir }, ctx) => deps.exporter.export(dir, ctx.session.userId),
    'sync.exportTargets': async () => ({ drives: await deps.removableDrives(), canPickFolder: deps.pickFolder !== undefined }),
    'sync.pickExportFolder': async () => {
      if (!deps.pickFolder) throw new AppError('ERR_SYNC_FOLDER_PICKER_UNAVAILABLE', {});
      return { dir: (await deps.pickFolder()) ?? null };
    },
  };
}

