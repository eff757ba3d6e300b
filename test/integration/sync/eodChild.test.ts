import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { clockShifterEnv } from '../../helpers/clockShifterEnv';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import type { OutboxItem, OutboxRunSummary } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { systemClock } from '../../../native/time/Clock';
import { openDataDir } from '../../../electron/host/openDataDir';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { approveAll, seedPackets } from './outboxBed';
import { admin, SIM_MACHINE_NAME } from './syncTestBed';
import { runCliCaptured, startCliBed } from './cliTestBed';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'electron', 'cli', 'regclient.ts');
const RP = '/registrationprocessor/v1';
const UPLOAD = `${RP}/packetreceiver/registrationpackets`;
const RID_SYNC = `${RP}/registrationstatus/syncV2`;
const LOGIN = '/v1/syncdata/authenticate/useridpwd';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

interface EodJson {
  readonly outbox: OutboxRunSummary;
}

// The child gets a clean environment (no REGCLIENT_* of the caller) but keeps the clock shifter.

/**
 * `regclient sync --eod` as an operator runs it: a real child process on the real clock against
 * simulator faults. The backoff is shortened with --retry-base-ms (an option, not a sleep); a
 * 429's Retry-After is still honoured. Every run must end by itself and print its outcome.
 */
describe('regclient sync --eod as a child process against server faults', () => {
  let dir: string;
  let sim: MosipSimulator;
  let dataDir: string;
  let sequence = 1;

  /** in-process runs for the setup and for reading the packet states */
  async function cli(argv: string[], password = 'Officer#2026'): Promise<Run> {
    return runCliCaptured(dataDir, sim.url, argv, password);
  }

  function eod(extra: readonly string[]): Promise<Run> {
    const args = ['--import', 'tsx', CLI, '--data-dir', dataDir, '--server', sim.url, 'sync', '--eod', '--user', 'officer1', '--retry-base-ms', '20', ...extra];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...clockShifterEnv(), PATH: process.env['PATH'] ?? '', REGCLIENT_PASSWORD: 'Officer#2026' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err }));
    });
  }

  /** Two approved packets waiting in the outbox. */
  async function approvedPackets(): Promise<string[]> {
    const data = openDataDir({ dataDir, env: {} });
    try {
      const rids = await seedPackets({ db: data.db, dataDir, sim, machineKey: data.machineKey, now: systemClock.now(), count: 2, firstSequence: sequence });
      sequence += 2;
      approveAll(data.db, systemClock, rids, data.audit);
      return rids;
    } finally {
      data.close();
    }
  }

  async function states(rids: readonly string[]): Promise<string[]> {
    const items = (JSON.parse((await cli(['packets', 'list', '--json', '--limit', '500'])).out) as Page<OutboxItem>).items;
    return rids.map((rid) => items.find((i) => i.rid === rid)?.state ?? 'missing');
  }

  async function uploadsOnServer(rids: readonly string[]): Promise<number[]> {
    const stats = (await admin(sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; uploaded: number }> };
    return rids.map((rid) => Object.values(stats.packets).find((p) => p.registrationId === rid)?.uploaded ?? 0);
  }

  function parseJson(run: Run): EodJson {
    try {
      return JSON.parse(run.out) as EodJson;
    } catch {
      return assert.fail(`exit ${String(run.code)}, stdout is not JSON:\n${run.out}\nstderr:\n${run.err}`);
    }
  }

  function assertAllSent(run: Run, rids: readonly string[]): void {
    assert.equal(run.code, 0, `exit ${String(run.code)}\n${run.out}\n${run.err}`);
    const { outbox } = parseJson(run);
    assert.deepEqual([...outbox.uploaded].sort(), [...rids].sort());
    assert.deepEqual([outbox.retrying, outbox.parked, outbox.stoppedBy], [[], [], null]);
  }

  before(async () => {
    ({ dir, sim, dataDir } = await startCliBed('eod-child-'));
    const initial = await cli(['sync', '--user', 'officer1', '--initial', '--machine-name', SIM_MACHINE_NAME]);
    assert.equal(initial.code, 0, initial.out + initial.err);
  });
  afterEach(async () => {
    sim.events.removeAllListeners();
    await sim.revive();
    await admin(sim, 'faults', {}, 'DELETE');
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits out a 503 on the upload and sends everything', async () => {
    const rids = await approvedPackets();
    const before = sim.requestCounts[UPLOAD] ?? 0;
    await admin(sim, 'faults', { endpoint: UPLOAD, kind: 'status', status: 503, times: 1 });
    const run = await eod(['--json']);
    assertAllSent(run, rids);
    assert.equal((sim.requestCounts[UPLOAD] ?? 0) - before, 3, 'the refused upload was sent again');
    assert.deepEqual(await states(rids), ['UPLOADED', 'UPLOADED']);
    assert.deepEqual(await uploadsOnServer(rids), [1, 1]);
  });

  it('honours a 429 Retry-After on the RID sync, then sends everything (text output)', async () => {
    const rids = await approvedPackets();
    const before = sim.requestCounts[RID_SYNC] ?? 0;
    await admin(sim, 'faults', { endpoint: RID_SYNC, kind: 'rateLimit', retryAfterSeconds: 1, times: 1 });
    const run = await eod([]);
    assert.equal(run.code, 0, `${run.out}\n${run.err}`);
    assert.match(run.out, /uploaded: 2 {3}RID-synced: 2/);
    assert.match(run.out, /nothing left to send/);
    assert.ok((sim.requestCounts[RID_SYNC] ?? 0) - before >= 2, 'the refused RID sync was sent again');
    assert.deepEqual(await states(rids), ['UPLOADED', 'UPLOADED']);
  });

  it('survives the server being killed mid-upload and restarted', async () => {
    const rids = await approvedPackets();
    // The first upload hangs; the server dies under it and comes back on the same port.
    await admin(sim, 'faults', { endpoint: UPLOAD, kind: 'hang', times: 1 });
    let restarted: Promise<void> | undefined;
    const restart = async (): Promise<void> => {
      await sim.kill();
      await sim.revive();
    };
    sim.events.on('request', (path: string) => {
      if (path === UPLOAD && !restarted) restarted = restart();
    });
    const run = await eod(['--json']);
    assert.ok(restarted, 'the server was killed during an upload');
    await restarted;
    assertAllSent(run, rids);
    assert.deepEqual(await states(rids), ['UPLOADED', 'UPLOADED']);
    assert.deepEqual(await uploadsOnServer(rids), [1, 1]);
  });

  it('renews the session with the refresh token after a 401 and carries on', async () => {
    const rids = await approvedPackets();
    const logins = sim.requestCounts[LOGIN] ?? 0;
    await admin(sim, 'faults', { endpoint: RID_SYNC, kind: 'unauthorized', times: 1 });
    const run = await eod(['--json']);
    assertAllSent(run, rids);
    assert.equal((sim.requestCounts[LOGIN] ?? 0) - logins, 2, 'the login, then one REFRESH');
  });

  it('stops at --max-wait when the server keeps failing, says what waits, and loses nothing', async () => {
    // Packets already UPLOADED (waiting for the server's processing) must not make the wait 0 ms:
    // they once made the drain spin at full CPU until the backoff cap.
    const waitingForServer = await approvedPackets();
    assertAllSent(await eod(['--json']), waitingForServer);
    const rids = await approvedPackets();
    await admin(sim, 'faults', { endpoint: UPLOAD, kind: 'status', status: 503, times: 1000 });
    const json = await eod(['--json', '--max-wait', '1']);
    assert.equal(json.code, 1, json.err);
    const { outbox } = parseJson(json);
    assert.deepEqual([outbox.uploaded, outbox.retrying.map((r) => [r.rid, r.code]).sort()], [[], rids.map((rid) => [rid, 'ERR_SYNC_SERVER_ERROR']).sort()]);
    const text = await eod(['--max-wait', '0']);
    assert.equal(text.code, 1, text.err);
    assert.match(text.out, /waiting to retry \(network or server\): 2 → sync again later; nothing is lost/);
    assert.deepEqual(await states(rids), ['UPLOADING', 'UPLOADING'], 'kept to be checked with the server, then sent again');
    await admin(sim, 'faults', {}, 'DELETE');
    assertAllSent(await eod(['--json']), rids);
  });

  it('prints why it could not start when the server is down, in text and in JSON', async () => {
    await sim.kill();
    const json = await eod(['--json']);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.out) as { error: { code: string; details: { endpoint: string } } };
    assert.deepEqual([parsed.error.code, parsed.error.details.endpoint], ['ERR_SYNC_UNREACHABLE', LOGIN]);
    const text = await eod([]);
    assert.equal(text.code, 1);
    assert.equal(text.out, '');
    assert.match(text.err, /^error ERR_SYNC_UNREACHABLE: The MOSIP server cannot be reached\. Check the network connection/);
    assert.ok(text.err.includes(`\n  endpoint: ${LOGIN}\n`), `the endpoint it tried, in words:\n${text.err}`);
  });
});
