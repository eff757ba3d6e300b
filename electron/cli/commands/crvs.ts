import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CrvsBridgeConfig, CrvsEventState, type CrvsEvent } from '../../../schemas/crvsBridge';
import { AppError } from '../../../schemas/errors';
import { AuthService } from '../../services/auth/AuthService';
import { loadBridgeSetup, saveBridgeSetup } from '../../host/crvsBridgeSetup';
import { CrvsBridgeService } from '../../services/crvs/CrvsBridgeService';
import { startBridge } from '../../host/startCrvsBridge';
import { DEFAULT_BACKOFF } from '../../services/sync/backoff';
import { openCliDataDir } from '../cliDataDir';
import type { CliCommand, CliContext } from '../CliCommand';
import { EXIT } from '../exitCodes';
import { readPassword } from '../readPassword';
import { UsageError } from '../runCli';
import type { OpenedDataDir } from '../../host/openDataDir';

/** A fresh password check of a supervisor, audited and counted towards the lockout (as `packets requeue`). */
async function supervisor(ctx: CliContext, data: OpenedDataDir, user: string | undefined, why: string): Promise<string> {
  if (!user) throw new UsageError(`--user <supervisor id> is required: ${why}`);
  const password = await readPassword(ctx, `Password for ${user}: `);
  const actor = await new AuthService({ db: data.db, audit: data.audit, clock: data.clock }).verify(user, password, 'eod_auth');
  if (!actor.roles.includes('REGISTRATION_SUPERVISOR')) throw new AppError('ERR_SYNC_NOT_SUPERVISOR', { userId: actor.userId });
  return actor.userId;
}

function envSecret(ctx: CliContext, name: string): string {
  const value = ctx.env[name];
  if (!value || value.length < 16) throw new UsageError(`${name} must hold the secret (at least 16 characters); secrets are never taken on the command line`);
  return value;
}

const init: CliCommand = {
  words: ['bridge', 'init'],
  summary: 'set up the CRVS bridge in this data folder: partner, URLs, and its secrets (wrapped like the database key)',
  usage: [
    '  --partner-id ID      MOSIP partner id: the bridge subscribes to <ID>/CREDENTIAL_ISSUED',
    '  --callback-url URL   this bridge as MOSIP\'s hub reaches it, ending in /websub/callback',
    '  --confirm-url URL    OpenCRVS\'s GraphQL gateway (v1-graphql), or its events API <gateway>/events (v2-events)',
    '  --confirm-api API    v1-graphql (default: the confirmRegistration mutation) or v2-events (OpenCRVS 1.9+/2.x: event.actions.register.accept)',
    '  --opencrvs-public-key PEM  v2-events: OpenCRVS\'s auth public key, which signs the token each event arrives with',
    '  --partner-key PEM    the partner private key (PKCS#8) credentials are encrypted to',
    '  --partner-cert PEM   its certificate, as registered with MOSIP',
    '  --language CODE      language of the packets\' text fields (default por)',
    '  --user ID            a supervisor (password from REGCLIENT_PASSWORD or a prompt)',
    '  secrets from the environment: REGCLIENT_CRVS_WEBHOOK_TOKEN, REGCLIENT_CRVS_WEBSUB_SECRET, REGCLIENT_CRVS_CONFIRM_TOKEN (v1-graphql only)',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseArgs({
      args, strict: true,
      options: {
        'partner-id': { type: 'string' }, 'callback-url': { type: 'string' }, 'confirm-url': { type: 'string' }, 'confirm-api': { type: 'string', default: 'v1-graphql' }, 'opencrvs-public-key': { type: 'string' },
        'partner-key': { type: 'string' }, 'partner-cert': { type: 'string' }, language: { type: 'string', default: 'por' }, user: { type: 'string' },
      },
    });
    const read = (flag: string, path: string | undefined) => {
      if (!path) throw new UsageError(`${flag} PEM is required`);
      try {
        return readFileSync(resolve(path), 'utf8');
      } catch {
        throw new UsageError(`${flag}: cannot read ${path}`);
      }
    };
    const publicKey = values['opencrvs-public-key'] === undefined ? undefined : read('--opencrvs-public-key', values['opencrvs-public-key']);
    const parsed = CrvsBridgeConfig.safeParse({
      partnerId: values['partner-id'], callbackUrl: values['callback-url'], confirmUrl: values['confirm-url'], confirmApi: values['confirm-api'],
      ...(publicKey === undefined ? {} : { opencrvsPublicKeyPem: publicKey }), language: values.language, partnerCertPem: read('--partner-cert', values['partner-cert']),
    });
    if (!parsed.success) throw new UsageError(`--${String(parsed.error.issues[0]!.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${parsed.error.issues[0]!.message}`);
    const v1 = parsed.data.confirmApi === 'v1-graphql';
    const secrets = { webhookToken: envSecret(ctx, 'REGCLIENT_CRVS_WEBHOOK_TOKEN'), websubSecret: envSecret(ctx, 'REGCLIENT_CRVS_WEBSUB_SECRET'), confirmToken: v1 ? envSecret(ctx, 'REGCLIENT_CRVS_CONFIRM_TOKEN') : null };
    const partnerKeyPem = read('--partner-key', values['partner-key']);
    const data = openCliDataDir(ctx);
    try {
      const actor = await supervisor(ctx, data, values.user, 'the bridge approves packets in a supervisor\'s name');
      saveBridgeSetup(data, { config: parsed.data, ...secrets, partnerKeyPem }, actor);
    } finally {
      data.close();
    }
    ctx.stdout.write(`bridge set up for partner ${parsed.data.partnerId}\n`);
    return EXIT.OK;
  },
};

function parseListen(value: string | undefined): { host: string; port: number } {
  const m = value === undefined ? null : /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port >= 0 && port <= 65535)) throw new AppError('ERR_CRVS_LISTEN_INVALID', { value: value ?? '' });
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

const bridge: CliCommand = {
  words: ['bridge'],
  summary: 'run the CRVS bridge: take OpenCRVS birth and death events, deliver them to MOSIP, confirm the national ID back',
  usage: [
    '  --listen HOST:PORT   where OpenCRVS\'s webhook and MOSIP\'s hub reach the bridge',
    '  --user ID            the bridge\'s supervisor account (password from REGCLIENT_PASSWORD or a prompt)',
    '  --poll-ms N          longest wait between passes (default 30000)',
    '  --retry-base-ms N    first retry delay scale (default 2000)',
    '  Runs until SIGTERM or SIGINT, then exits 0. Set up first with `regclient bridge init`.',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseArgs({ args, strict: true, options: { listen: { type: 'string' }, user: { type: 'string' }, 'poll-ms': { type: 'string', default: '30000' }, 'retry-base-ms': { type: 'string' } } });
    const { host, port } = parseListen(values.listen);
    if (!ctx.serverUrl) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address (--server)' });
    if (!values.user) throw new UsageError('--user <supervisor id> is required: the bridge approves its packets in a supervisor\'s name');
    const pollMs = Number(values['poll-ms']);
    const baseMs = values['retry-base-ms'] === undefined ? DEFAULT_BACKOFF.baseMs : Number(values['retry-base-ms']);
    if (!Number.isInteger(pollMs) || pollMs < 10) throw new UsageError('--poll-ms must be a whole number of milliseconds, at least 10');
    if (!Number.isInteger(baseMs) || baseMs < 1 || baseMs > DEFAULT_BACKOFF.capMs) throw new UsageError(`--retry-base-ms must be 1 to ${DEFAULT_BACKOFF.capMs}`);
    const password = await readPassword(ctx, `password for ${values.user}: `);
    const data = openCliDataDir(ctx);
    try {
      const log = (line: string) => ctx.stderr.write(`${new Date(data.clock.now()).toISOString()} ${line}\n`);
      const running = await startBridge({ data, setup: loadBridgeSetup(data), serverUrl: ctx.serverUrl, credentials: { userId: values.user, password }, host, port, pollMs, backoff: { ...DEFAULT_BACKOFF, baseMs }, log });
      ctx.stdout.write(`listening on ${running.url}\n`);
      const signal = await new Promise<string>((done) => {
        process.once('SIGTERM', () => done('SIGTERM'));
        process.once('SIGINT', () => done('SIGINT'));
      });
      log(`${signal}: stopping`);
      await running.stop();
      return EXIT.OK;
    } finally {
      data.close();
    }
  },
};

function table(events: readonly CrvsEvent[]): string {
  const rows = events.map((e) => [e.eventId, e.kind, e.state, e.rid ?? '-', e.nationalId ?? '-', e.kind === 'DEATH' ? (e.deceased ? 'yes' : 'no') : '-', e.lastErrorCode ?? '']);
  const head = ['EVENT', 'KIND', 'STATE', 'AID (RID)', 'NATIONAL ID', 'DECEASED', 'PROBLEM'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  return [head, ...rows].map((r) => r.map((v, c) => v.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** The service over the data dir for commands that only read or move events (no delivery, no confirm). */
function offlineService(data: OpenedDataDir): CrvsBridgeService {
  const never = async (): Promise<never> => {
    throw new Error('crvs list/replay never deliver or confirm');
  };
  return new CrvsBridgeService({ db: data.db, audit: data.audit, clock: data.clock, delivery: { deliver: never }, confirmer: { confirm: never } });
}

const list: CliCommand = {
  words: ['crvs', 'list'],
  summary: 'list the CRVS bridge\'s events: state, AID (RID), national ID, deceased flag',
  usage: `  --state S   one of ${CrvsEventState.options.join(', ')}\n  --json      machine-readable output (an array of events)`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, strict: true, options: { state: { type: 'string' }, json: { type: 'boolean', default: false } } });
    const state = values.state === undefined ? undefined : CrvsEventState.safeParse(values.state.toUpperCase());
    if (state && !state.success) throw new UsageError(`--state must be one of ${CrvsEventState.options.join(', ')}`);
    const data = openCliDataDir(ctx);
    let events: CrvsEvent[];
    try {
      events = offlineService(data).list(state?.data);
    } finally {
      data.close();
    }
    ctx.stdout.write(values.json ? `${JSON.stringify(events, null, 2)}\n` : `${table(events)}\n${events.length} event(s)\n`);
    return events.some((e) => e.state === 'PARKED') ? EXIT.INCOMPLETE : EXIT.OK;
  },
};

const replay: CliCommand = {
  words: ['crvs', 'replay'],
  summary: 'send a parked CRVS event again once its cause is fixed (supervisors; audited)',
  usage: '  ID         the event id (see `crvs list`)\n  --user ID  the supervisor (password from REGCLIENT_PASSWORD or a prompt)\n  --json',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { user: { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (positionals.length !== 1) throw new UsageError('give one event id');
    const data = openCliDataDir(ctx);
    let event: CrvsEvent;
    try {
      const actor = await supervisor(ctx, data, values.user, 'replaying a parked event is a supervisor\'s decision');
      event = offlineService(data).replay(positionals[0]!, actor);
    } finally {
      data.close();
    }
    ctx.stdout.write(values.json ? `${JSON.stringify(event, null, 2)}\n` : `${event.eventId}  ${event.state}\n`);
    return EXIT.OK;
  },
};

/** `regclient bridge …` and `regclient crvs …`. */
export const crvsCommands: CliCommand[] = [init, bridge, list, replay];
