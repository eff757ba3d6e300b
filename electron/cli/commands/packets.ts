import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OutboxState, type OutboxItem, type OutboxRunSummary } from '../../../schemas/outbox';
import { AppError } from '../../../schemas/errors';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, PageCursor, type Page } from '../../../schemas/paging';
import { PACKETS_DIR, type OpenedDataDir } from '../../host/openDataDir';
import { openCliDataDir, withCliDataDir } from '../cliDataDir';
import { listOutboxPage } from '../../services/sync/outbox/listOutboxPage';
import type { ApprovalAction } from '../../../schemas/outbox';
import type { BackoffOptions } from '../../services/sync/backoff';
import type { SyncServices } from '../../services/sync/createSyncServices';
import type { CliCommand, CliContext } from '../CliCommand';
import { readPassword } from '../readPassword';
import { withCliRouter } from '../cliRouter';
import type { EodLeft } from '../../../schemas/endOfDay';
import { isNothingLeft, renderLeft } from './eodLeft';
import { UsageError } from '../runCli';
import { EXIT } from '../exitCodes';

/**
 * Opens the data dir with the sync services over it; closes it after `fn`. Only `create` (set-up:
 * `sync --initial`) may make a new data dir; otherwise a missing one is ERR_CLI_DATA_DIR_MISSING.
 */
export async function withSyncServices<T>(
  ctx: CliContext,
  credentials: { userId: string; password: string } | undefined,
  fn: (s: SyncServices, data: OpenedDataDir) => Promise<T>,
  extra: Readonly<{ backoff?: BackoffOptions; create?: boolean }> = {},
): Promise<T> {
  // loaded here, not at the top: `packets list` and the other read-only commands skip their start-up cost
  const [{ createSyncServices }, { SettingsService }, { effectiveMachineName }, { civilRegistrationDelivery }] = await Promise.all([
    import('../../services/sync/createSyncServices'),
    import('../../services/settings/SettingsService'),
    import('../../services/sync/machineName'),
    import('../../host/civilRegistrationDelivery'),
  ]);
  const data = openCliDataDir(ctx, { create: extra.create === true });
  try {
    const settings = new SettingsService({ db: data.db, audit: data.audit });
    const services = createSyncServices({
      db: data.db, audit: data.audit, clock: data.clock, machineKey: data.machineKey,
      centreId: data.identity.centreId, machineId: data.identity.machineId, dataDir: data.dataDir, packetsDir: join(data.dataDir, PACKETS_DIR),
      machineName: () => effectiveMachineName(settings.get().machineName).name,
      ...(extra.backoff ? { backoff: extra.backoff } : {}),
      ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}),
      ...(credentials ? { credentials } : {}),
      // `sync --eod` delivers civil-registration packets the way the app's settings say
      civilRegistration: civilRegistrationDelivery(data, settings),
    });
    return await fn(services, data);
  } finally {
    data.close();
  }
}

function table(items: readonly OutboxItem[]): string {
  const rows = items.map((i) => [i.rid, i.state, i.supervisorStatus ?? '-', i.reasonCode ?? '-', i.serverStatus ?? '-', i.lastErrorCode ?? '']);
  const head = ['RID', 'STATE', 'SUPERVISOR', 'REASON', 'SERVER', 'PROBLEM'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  return [head, ...rows].map((r) => r.map((v, c) => v.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** `--limit`: a whole number within the contract's page bounds. */
function limitOf(text: string | undefined): number {
  if (text === undefined) return PAGE_SIZE_DEFAULT;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > PAGE_SIZE_MAX) throw new AppError('ERR_CLI_BAD_ARGUMENT', { argument: '--limit', rule: `a whole number from 1 to ${PAGE_SIZE_MAX}` });
  return n;
}

/** "12 packet(s)" when one page holds them all, else how many of the total and the next page's cursor. */
function pageFooter(page: Page<OutboxItem>): string {
  if (page.nextCursor === null && page.items.length === page.total) return `${page.total} packet(s)`;
  const more = page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : '';
  return `${page.items.length} of ${page.total} packet(s)${more}`;
}

const list: CliCommand = {
  words: ['packets', 'list'],
  summary: 'list this machine\'s packets with their approval, sync and server state, a page at a time',
  usage: `  --status S   one of ${OutboxState.options.join(', ')}\n  --limit N    packets per page, 1..${PAGE_SIZE_MAX} (default ${PAGE_SIZE_DEFAULT})\n  --cursor C   the next page, as the previous page printed it\n  --json       machine-readable output: {items,total,nextCursor}`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { status: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const state = values.status === undefined ? undefined : OutboxState.safeParse(values.status.toUpperCase());
    if (state && !state.success) throw new UsageError(`--status must be one of ${OutboxState.options.join(', ')}`);
    const cursor = values.cursor === undefined ? undefined : PageCursor.safeParse(values.cursor);
    if (cursor && !cursor.success) throw new AppError('ERR_CLI_BAD_ARGUMENT', { argument: '--cursor', rule: 'the cursor a previous page printed' });
    const request = { limit: limitOf(values.limit), ...(cursor ? { cursor: cursor.data } : {}), ...(state?.data ? { state: state.data } : {}) };
    // the database alone: listing needs none of the sync services' start-up
    const page = await withCliDataDir(ctx, (data) => listOutboxPage(data.db, request));
    ctx.stdout.write(values.json ? `${JSON.stringify(page, null, 2)}\n` : `${table(page.items)}\n${pageFooter(page)}\n`);
    return EXIT.OK;
  },
};

const DECISION_METHOD = { approve: 'packets.approve', reject: 'packets.reject', hold: 'packets.hold' } as const satisfies Record<ApprovalAction, string>;

function decision(action: ApprovalAction): CliCommand {
  return {
    words: ['packets', action],
    summary: `${action} packets as a supervisor (RIDs or packet ids; the same rules as the app)`,
    usage: `  RID…          packets to ${action}\n  --user ID     the supervisor (password from REGCLIENT_PASSWORD or a prompt)\n  --reason CODE a ReasonList code from master data${action === 'reject' ? ' (required)' : ''}\n  --json`,
    async run(args, ctx) {
      const { values, positionals } = parseArgs({ args, options: { user: { type: 'string' }, reason: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
      if (positionals.length === 0) throw new UsageError('give at least one RID');
      if (!values.user) throw new UsageError('--user <supervisor id> is required');
      const password = await readPassword(ctx, `password for ${values.user}: `);
      // through the app's Router: its roles, input schema and audit (the decision re-checks the password, as in the app)
      const decided = await withCliRouter(ctx, { userId: values.user, password }, (api) =>
        api.call(DECISION_METHOD[action], { ids: positionals, password, ...(values.reason ? { reasonCode: values.reason } : {}) }));
      ctx.stdout.write(values.json ? `${JSON.stringify(decided, null, 2)}\n` : decided.map((i) => `${i.rid}  ${i.supervisorStatus}${i.reasonCode ? ` (${i.reasonCode})` : ''}\n`).join(''));
      return EXIT.OK;
    },
  };
}

const requeue: CliCommand = {
  words: ['packets', 'requeue'],
  summary: 'put parked (or exported) packets back in the outbox once the cause is fixed (supervisors)',
  usage: '  RID…     parked or exported packets\n  --user ID  the supervisor (password from REGCLIENT_PASSWORD or a prompt)\n  --json',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { user: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('give at least one RID');
    if (!values.user) throw new UsageError('--user <supervisor id> is required: putting a parked packet back is a supervisor\'s decision');
    const password = await readPassword(ctx, `Password for ${values.user}: `);
    // the app's outbox.requeue through its Router: supervisors only (a refusal is audited ROLE_DENIED)
    const items = await withCliRouter(ctx, { userId: values.user, password, process: 'eod_auth' }, async (api) => {
      const done = [];
      for (const id of positionals) done.push(await api.call('outbox.requeue', { id }));
      return done;
    });
    ctx.stdout.write(values.json ? `${JSON.stringify(items, null, 2)}\n` : items.map((i) => `${i.rid}  ${i.state}\n`).join(''));
    return EXIT.OK;
  },
};

const exportCmd: CliCommand = {
  words: ['export'],
  summary: 'copy approved packets and a manifest signed by the machine key to an existing folder or USB stick (supervisors)',
  usage: '  --to DIR   target folder\n  --user ID  the operator exporting (password from REGCLIENT_PASSWORD or a prompt)\n  --json',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { to: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    if (!values.to) throw new UsageError('--to DIR is required');
    if (!values.user) throw new UsageError('--user <operator id> is required');
    const password = await readPassword(ctx, `password for ${values.user}: `);
    // the app's sync.export through its Router: supervisors only, as in the app
    const result = await withCliRouter(ctx, { userId: values.user, password, process: 'eod_auth' }, (api) => api.call('sync.export', { dir: resolve(values.to!) }));
    if (values.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      ctx.stdout.write(`${result.rids.length} packet(s) exported to ${result.dir} (manifest.json + manifest.json.sig)\n`);
      for (const s of result.skipped) ctx.stdout.write(`NOT exported ${s.rid}: ${s.reason}\n`);
    }
    return result.skipped.length ? EXIT.FAILED : EXIT.OK;
  },
};

const reconcile: CliCommand = {
  words: ['status', 'reconcile'],
  summary: 'ask the server for the status of uploaded and exported packets (by RID)',
  usage: '  --user ID  operator to log in as (password from REGCLIENT_PASSWORD or a prompt)\n  --json',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { user: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    if (!values.user) throw new UsageError('--user <operator id> is required: the server session belongs to an operator');
    const password = await readPassword(ctx, `password for ${values.user}: `);
    // through the app's Router (sync.reconcileStatuses): the server login first, then its roles and audit
    const summary = await withCliRouter(ctx, { userId: values.user, password, serverLogin: true }, async (api) => api.call('sync.reconcileStatuses', {}));
    ctx.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${summary.statusUpdated.map((u) => `${u.rid}  ${u.status}`).join('\n')}\n${summary.statusUpdated.length} status change(s)\n`);
    if (summary.stoppedBy) ctx.stderr.write(`stopped: ${summary.stoppedBy.code}\n`);
    return summary.stoppedBy ? EXIT.FAILED : EXIT.OK;
  },
};

/** What an operator does about a parked packet or a stopped run (English; the app shows the translations). */
export const WHAT_TO_DO: Readonly<Record<string, string>> = {
  ERR_SYNC_PACKET_CORRUPTED: 'the file is damaged: register the resident again, then tell the administrator',
  ERR_SYNC_PACKET_FILE_MISSING: 'the file is gone: restore it from backup or register the resident again',
  ERR_SYNC_REJECTED: 'the server refused it: give the MOSIP error code to the administrator, then a supervisor: `regclient packets requeue RID --user ID`',
  ERR_SYNC_CLOCK_SKEW: 'correct this computer\'s date, time and time zone, then sync again',
  ERR_SYNC_AUTH_EXPIRED: 'log in again (sync --user ID) while online',
  ERR_SYNC_MACHINE_NOT_REGISTERED: 'ask the administrator to register this machine\'s key',
  ERR_SYNC_NOT_CONFIGURED: 'give --server URL and run a down-sync first',
  ERR_SYNC_BUSY: 'another sync (the app or another CLI) is sending this machine\'s packets: let it finish, then sync again',
};

/** The end-of-day summary: what went, what is parked and why, what waits for a person, what to do. */
export function renderEodSummary(s: OutboxRunSummary, left: EodLeft = { waitingApproval: [], onHold: [], parked: [] }): string {
  const lines = [`uploaded: ${s.uploaded.length}   RID-synced: ${s.synced.length}   status changes: ${s.statusUpdated.length}`];
  for (const u of s.statusUpdated) lines.push(`  ${u.rid}  ${u.status}`);
  if (s.parked.length) lines.push(`parked (need a person): ${s.parked.length}`);
  for (const p of s.parked) lines.push(`  ${p.rid}  ${p.code}${p.details['errorCode'] ? ` ${String(p.details['errorCode'])}` : ''}  → ${WHAT_TO_DO[p.code] ?? 'tell the administrator'}`);
  if (s.retrying.length) lines.push(`waiting to retry (network or server): ${s.retrying.length} → sync again later; nothing is lost`);
  lines.push(...renderLeft(left, new Set(s.parked.map((p) => p.rid)), WHAT_TO_DO));
  if (s.stoppedBy) lines.push(`stopped: ${s.stoppedBy.code} → ${WHAT_TO_DO[s.stoppedBy.code] ?? 'tell the administrator'}`);
  if (!s.parked.length && !s.retrying.length && !s.stoppedBy && isNothingLeft(left)) lines.push('nothing left to send');
  return `${lines.join('\n')}\n`;
}

export const packetsCommands: CliCommand[] = [list, decision('approve'), decision('reject'), decision('hold'), requeue, exportCmd, reconcile];
