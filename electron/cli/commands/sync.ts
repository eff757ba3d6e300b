import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../../schemas/errors';
import type { SyncProgress } from '../../../schemas/outbox';
import { EOD_MAX_WAIT_SECONDS, EOD_RETRY_BASE_MS_MAX, type EndOfDayInput, type EndOfDaySummary } from '../../../schemas/endOfDay';
import { withCliDataDir } from '../cliDataDir';
import { AppSettings } from '../../../schemas/settings';
import { SettingsService } from '../../services/settings/SettingsService';
import { DEFAULT_BACKOFF } from '../../services/sync/backoff';
import { DEFAULT_UPLOAD_TIMEOUT_MS } from '../../services/sync/RegProcClient';
import type { CliCommand, CliContext } from '../CliCommand';
import { withCliRouter } from '../cliRouter';
import { readPassword } from '../readPassword';
import { UsageError } from '../runCli';
import { errorLines } from '../errorText';
import { EXIT, exitCodeForError } from '../exitCodes';
import { isNothingLeft } from './eodLeft';
import { renderEodSummary, WHAT_TO_DO, withSyncServices } from './packets';
import type { DownSyncSummary } from '../../../schemas/sync';

/** What `sync` was asked for, its options checked. */
interface SyncRequest {
  readonly eod: boolean;
  readonly json: boolean;
  /** the contract's end-of-day input (`full` also for a down-sync alone) */
  readonly input: EndOfDayInput;
}

function printDownSync(ctx: CliContext, summary: DownSyncSummary): void {
  for (const job of summary.jobs) {
    ctx.stdout.write(`${job.ok ? 'OK  ' : 'FAIL'}  ${job.job.padEnd(24)} ${job.ok ? `${job.changed} changed` : `${job.error!.code} (${job.error!.retry})`}\n`);
  }
}

/**
 * A one-line bar on stderr, redrawn in place, only when stderr itself is a terminal: with `2>log`
 * the log must not fill with `\r` lines (stdout being a terminal says nothing about stderr).
 * Uploads name the timeout that applies, so a slow link does not look like a hang.
 */
function progressBar(ctx: CliContext): (p: SyncProgress) => void {
  if (ctx.stderrIsTTY !== true) return () => undefined;
  return (p) => {
    const width = 30;
    const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
    const timeout = p.phase === 'upload' ? `  (each upload may take up to ${DEFAULT_UPLOAD_TIMEOUT_MS / 60_000} min)` : '';
    ctx.stderr.write(`\r${p.phase.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}${timeout}${p.done === p.total ? '\n' : ''}`);
  };
}

/** What an eod or sync run ended with when it could not finish: printed, never a silent exit. */
function printFailure(ctx: CliContext, json: boolean, err: unknown): number {
  // A bug: runCli reports it (one line on stderr; with --json the ERR_INTERNAL object on stdout).
  if (!isAppError(err)) throw err;
  if (json) ctx.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }, null, 2)}\n`);
  ctx.stderr.write(`${errorLines(err, ctx.env)}${WHAT_TO_DO[err.code] ? `→ ${WHAT_TO_DO[err.code]}\n` : ''}`);
  return exitCodeForError(err);
}

/** `--machine-name`: recorded in the settings (audited) before the machine check uses it. */
async function recordMachineName(ctx: CliContext, name: string, create: boolean): Promise<void> {
  const parsed = AppSettings.shape.machineName.safeParse(name);
  if (!parsed.success || parsed.data === null) throw new UsageError(`--machine-name: ${parsed.error?.issues[0]?.message ?? 'give the name'}`);
  const machineName = parsed.data;
  await withCliDataDir(ctx, (data) => {
    const settings = new SettingsService({ db: data.db, audit: data.audit });
    settings.update({ ...settings.get(), machineName }, 'cli');
  }, { create });
}

/**
 * `regclient sync --user <id> [--initial|--full] [--eod] [--json]`: online login, every down-sync
 * job; with --eod also all pending packet work (RID sync, uploads, status), waiting out retries up
 * to --max-wait seconds, then the end-of-day summary. Every ending prints its outcome.
 */
async function runSync(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      initial: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      eod: { type: 'boolean', default: false },
      'max-wait': { type: 'string', default: '120' },
      'retry-base-ms': { type: 'string' },
      'machine-name': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!ctx.serverUrl) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address (--server)' });
  if (!values.user) throw new UsageError('--user <operator id> is required: the server session belongs to an operator');
  const maxWait = Number(values['max-wait']);
  if (!Number.isInteger(maxWait) || maxWait < 0 || maxWait > EOD_MAX_WAIT_SECONDS) throw new UsageError(`--max-wait must be a whole number of seconds, 0 to ${EOD_MAX_WAIT_SECONDS}`);
  const baseMs = values['retry-base-ms'] === undefined ? undefined : Number(values['retry-base-ms']);
  if (baseMs !== undefined && !(Number.isInteger(baseMs) && baseMs > 0 && baseMs <= EOD_RETRY_BASE_MS_MAX)) {
    throw new UsageError(`--retry-base-ms must be a whole number of milliseconds, 1 to ${EOD_RETRY_BASE_MS_MAX}`);
  }
  if (values['machine-name'] !== undefined) await recordMachineName(ctx, values['machine-name'], values.initial);
  const password = await readPassword(ctx, `password for ${values.user}: `);
  const input = { full: values.full || values.initial, maxWaitSeconds: maxWait, ...(baseMs ? { retryBaseMs: baseMs } : {}) };
  const request: SyncRequest = { eod: values.eod, json: values.json, input };
  try {
    return await (values.initial ? runInitial(ctx, values.user, password, request) : runThroughRouter(ctx, values.user, password, request));
  } catch (err) {
    return printFailure(ctx, values.json, err);
  }
}

/**
 * `sync --initial` sets the machine up: the data dir may be new, and the operators come down in
 * this very sync, so no local operator (hence no local session for the Router) can exist yet. It
 * runs the same services itself; every other `sync` goes through the app's Router.
 */
async function runInitial(ctx: CliContext, userId: string, password: string, r: SyncRequest): Promise<number> {
  const backoff = r.input.retryBaseMs ? { backoff: { ...DEFAULT_BACKOFF, baseMs: r.input.retryBaseMs } } : {};
  return withSyncServices(
    ctx,
    { userId, password },
    async (s) => {
      // Log in first (the app's server login, awaited): tpm/publickey/verify needs the session
      // (admin-services SyncDataController @PreAuthorize).
      await s.appSync.logIn(userId, password);
      await s.mosip!.verifyMachine();
      if (r.eod) return printEod(ctx, r, await s.endOfDay.run(r.input, { signal: new AbortController().signal, onProgress: progressBar(ctx) }));
      return printDownSyncResult(ctx, r, await s.mosip!.downSync({ full: true }));
    },
    { ...backoff, create: true },
  );
}

/** `sync [--full] [--eod]` through the app's Router: the server login, then sync.downSync or sync.endOfDay, with their roles and audit. */
async function runThroughRouter(ctx: CliContext, userId: string, password: string, r: SyncRequest): Promise<number> {
  const operator = { userId, password, serverLogin: true };
  if (!r.eod) return withCliRouter(ctx, operator, async (api) => printDownSyncResult(ctx, r, await api.call('sync.downSync', { full: r.input.full })));
  // the handler sends progress to its caller: the bar (stderr, a terminal only)
  return withCliRouter(ctx, operator, async (api) => printEod(ctx, r, await api.call('sync.endOfDay', r.input)), { 'sync.onDidProgress': progressBar(ctx) });
}

function printDownSyncResult(ctx: CliContext, r: SyncRequest, summary: DownSyncSummary): number {
  if (r.json) ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printDownSync(ctx, summary);
  return summary.jobs.every((j) => j.ok) ? EXIT.OK : EXIT.FAILED;
}

/** The end-of-day summary. Could not finish (server, network, login) → 1; finished, but a person must act → 4. */
function printEod(ctx: CliContext, r: SyncRequest, eod: EndOfDaySummary): number {
  const { downSync, outbox, left, limits } = eod;
  if (r.json) ctx.stdout.write(`${JSON.stringify(eod, null, 2)}\n`);
  else {
    printDownSync(ctx, downSync);
    ctx.stdout.write(renderEodSummary(outbox, left));
    for (const l of limits) ctx.stdout.write(`limit ${l.limit}: ${l.state} (${l.value} of ${l.threshold}) ${l.code}\n`);
  }
  if (!downSync.jobs.every((j) => j.ok) || outbox.retrying.length > 0 || outbox.stoppedBy) return EXIT.FAILED;
  return outbox.parked.length > 0 || !isNothingLeft(left) ? EXIT.INCOMPLETE : EXIT.OK;
}

export const syncCommands: CliCommand[] = [
  {
    words: ['sync'],
    summary: 'log in to the MOSIP server, download certificates, master data, configs, users and the ID schema; --eod also sends all pending packets',
    usage: [
      '--user <id>     operator to log in as (password from REGCLIENT_PASSWORD or a prompt)',
      '--initial       first sync: check the machine key, then download everything',
      '--full          ignore the last sync time and download everything',
      '--eod           end of day: also RID-sync and upload every approved packet, then read their server status',
      '--max-wait S    with --eod: wait at most S seconds for retries after network or server errors (default 120)',
      '--retry-base-ms N  first retry delay scale in ms (default 2000; doubles per attempt, jittered, never before a 429 Retry-After)',
      '--machine-name NAME  the name the administrator registered this machine under (kept in the settings; default: the host name)',
      '--json          print the summary as JSON',
      '',
      'With --eod the exit code is 0 when nothing is left to send, 1 when the run could not finish (server, network, login:',
      'sync again later), 4 when it finished but packets wait for a person (approval, on hold, parked).',
    ].join('\n'),
    run: runSync,
  },
];
