import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../native/time/Clock';
import { openDataDir } from '../../../electron/host/openDataDir';
import { clockShifterEnv } from '../../helpers/clockShifterEnv';
import { issueCertificate } from '../../helpers/packetKeys';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { OpenCrvsSimulator } from '../../sims/opencrvs/OpenCrvsSimulator';
import { runCliWithEnv, type CliRun } from '../sync/cliTestBed';
import { admin } from '../sync/syncTestBed';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'electron', 'cli', 'regclient.ts');

export const WEBHOOK_TOKEN = 'webhook-token-0123456789abcdef';
export const WEBSUB_SECRET = 'websub-secret-0123456789abcdef';
export const CONFIRM_TOKEN = 'confirm-token-0123456789abcdef';
export const PARTNER_ID = 'opencrvs-stp';
/** a valid 10-digit UIN (Verhoeff check digit last) for parents named by birth events */
export const PARENT_UIN = '2345678906';

/** The MOSIP simulator, the OpenCRVS simulator and a bridge data dir set up against both. */
export interface BridgeBed {
  readonly dir: string;
  readonly dataDir: string;
  readonly sim: MosipSimulator;
  readonly crvs: OpenCrvsSimulator;
  readonly port: number;
  readonly webhookUrl: string;
  cli(argv: readonly string[], password?: string): Promise<CliRun>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A data dir as a deployment sets it up: the machine registered, a supervisor added, the initial
 * sync (STP ID schema with the CRVS fields), a partner key whose certificate MOSIP's partner
 * management holds, `regclient bridge init`. The bridge's port is fixed: its callback URL is in
 * the config, and a restarted bridge must be found at the same address.
 */
export async function startBridgeBed(prefix: string, o: Readonly<{ confirmApi?: 'v1-graphql' | 'v2-events' }> = {}): Promise<BridgeBed> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sim = await new MosipSimulator({ stateDir: join(dir, 'sim'), clock: systemClock, idSchemaPath: new URL('../../../schemas/data/stp/idSchema.json', import.meta.url) }).start();
  const crvs = await new OpenCrvsSimulator(CONFIRM_TOKEN).start();
  const dataDir = join(dir, 'client');
  const data = openDataDir({ dataDir, env: {} });
  const publicKey = data.identity.publicKey;
  data.close();
  await admin(sim, 'machines', { centreId: '10001', machineId: '10002', publicKey });
  const cli = (argv: readonly string[], password = 'Supervisor#2026', env: Record<string, string> = {}) => runCliWithEnv(['--data-dir', dataDir, '--server', sim.url, ...argv], { REGCLIENT_PASSWORD: password, ...env });
  const ok = (r: CliRun, what: string) => {
    if (r.code !== 0) throw new Error(`${what}: exit ${r.code}\n${r.out}\n${r.err}`);
  };
  ok(await cli(['operators', 'add', '--user', 'supervisor1', '--name', 'Supervisora', '--role', 'REGISTRATION_SUPERVISOR']), 'operators add');
  ok(await cli(['sync', '--user', 'officer1', '--initial', '--machine-name', 'stp-laptop-10002'], 'Officer#2026'), 'sync --initial');
  const now = systemClock.now();
  const keyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const certPem = issueCertificate({ subjectCn: PARTNER_ID, subjectKeyPem: keyPem, issuerCn: PARTNER_ID, issuerKeyPem: keyPem, notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 365 * 86_400_000) });
  writeFileSync(join(dir, 'partner.key.pem'), keyPem);
  writeFileSync(join(dir, 'partner.crt.pem'), certPem);
  await admin(sim, 'partners', { partnerId: PARTNER_ID, certData: certPem });
  const port = await freePort();
  writeFileSync(join(dir, 'opencrvs.pub.pem'), crvs.v2.publicKeyPem);
  const confirm = o.confirmApi === 'v2-events' ? ['--confirm-api', 'v2-events', '--confirm-url', crvs.eventsUrl, '--opencrvs-public-key', join(dir, 'opencrvs.pub.pem')] : ['--confirm-url', crvs.gatewayUrl];
  ok(
    await cli(
      ['bridge', 'init', '--user', 'supervisor1', '--partner-id', PARTNER_ID, '--callback-url', `http://127.0.0.1:${port}/websub/callback`, ...confirm, '--partner-key', join(dir, 'partner.key.pem'), '--partner-cert', join(dir, 'partner.crt.pem')],
      'Supervisor#2026',
      { REGCLIENT_CRVS_WEBHOOK_TOKEN: WEBHOOK_TOKEN, REGCLIENT_CRVS_WEBSUB_SECRET: WEBSUB_SECRET, REGCLIENT_CRVS_CONFIRM_TOKEN: CONFIRM_TOKEN },
    ),
    'bridge init',
  );
  await admin(sim, 'identities', { uin: PARENT_UIN, fields: { fullName: [{ language: 'por', value: 'Maria da Graça Quaresma' }] } });
  return {
    dir, dataDir, sim, crvs, port, webhookUrl: `http://127.0.0.1:${port}/events/registration`,
    cli: (argv, password) => cli(argv, password),
    async close() {
      await crvs.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves once `check()` holds, checking again each time the bridge logs a line (it logs after each
 * pass that changed an event), so the test reads the committed state without sleeping.
 */
export async function untilBridge(bridge: BridgeProcess, check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await once(bridge.child.stderr!, 'data');
}

/** One `regclient bridge` process: started, listening, and killed by the test. */
export interface BridgeProcess {
  readonly child: ChildProcess;
  /** what it printed on stderr so far (its log) */
  log(): string;
  /** resolves with the exit code (or signal name) */
  readonly exited: Promise<number | string>;
}

/**
 * The CLI bundled once for a test file that starts the bridge many times (plain Node starts in a
 * fraction of tsx's time). Under `.tmp/` in the tree: its external native modules resolve from
 * node_modules, and no other test's dist/ output is touched.
 */
export async function bundleCli(): Promise<string> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'crvs-bridge-cli-'));
  const outfile = join(dir, 'regclient.cjs');
  await build({
    entryPoints: [CLI], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'usb', 'serialport', '@serialport/*', '@cornerstonejs/codec-openjpeg', '@napi-rs/keyring', 'sharp'],
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return outfile;
}

/** Spawns `regclient bridge` as an operator's service manager would, resolving once it listens; `bin`: a bundled CLI instead of tsx. */
export async function spawnBridge(bed: BridgeBed, bin?: string): Promise<BridgeProcess> {
  const child = spawn(process.execPath, [...(bin ? [bin] : ['--import', 'tsx', CLI]), '--data-dir', bed.dataDir, '--server', bed.sim.url, 'bridge', '--listen', `127.0.0.1:${bed.port}`, '--user', 'supervisor1', '--poll-ms', '300', '--retry-base-ms', '20'], {
    cwd: ROOT,
    env: { ...clockShifterEnv(), PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', REGCLIENT_PASSWORD: 'Supervisor#2026' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`bridge exited (${code ?? signal}) before listening:\n${err}`)));
  });
  return { child, log: () => err, exited };
}
