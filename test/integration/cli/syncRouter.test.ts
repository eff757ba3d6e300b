import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry } from '../../../schemas/audit';
import { systemClock } from '../../../native/time/Clock';
import { COMMANDS } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/runCli';
import { openDataDir } from '../../../electron/host/openDataDir';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { approveAll, seedPackets } from '../sync/outboxBed';
import { admin, SIM_MACHINE_NAME } from '../sync/syncTestBed';
import { runCliCaptured, startCliBed, type CliRun } from '../sync/cliTestBed';

/**
 * `regclient sync` and `sync --eod` go through the app's Router (sync.downSync, sync.endOfDay):
 * after the server login, the operator's local session decides by role, refusals are audited
 * ROLE_DENIED, and the end of day's progress events feed the bar on stderr, only on a terminal.
 */
describe('regclient sync through the app\'s Router', () => {
  let dir: string;
  let sim: MosipSimulator;
  let dataDir: string;
  let sequence = 1;
  const as = (userId: string, password: string, argv: string[]): Promise<CliRun> => runCliCaptured(dataDir, sim.url, ['sync', '--user', userId, ...argv], password);

  function audit(): AuditEntry[] {
    const data = openDataDir({ dataDir, env: {} });
    try {
      return data.audit.recent(500);
    } finally {
      data.close();
    }
  }

  /** `sync --eod` in process with stderr a terminal or not: what it printed there. */
  async function eodWithStderr(isTTY: boolean): Promise<{ code: number; err: string }> {
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY });
    let err = '';
    stdout.resume();
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const argv = ['--data-dir', dataDir, '--server', sim.url, 'sync', '--eod', '--user', 'officer1'];
    const code = await runCli(argv, COMMANDS, { env: { REGCLIENT_PASSWORD: 'Officer#2026' }, stdout, stderr });
    return { code, err };
  }

  async function approvedPacket(): Promise<void> {
    const data = openDataDir({ dataDir, env: {} });
    try {
      const rids = await seedPackets({ db: data.db, dataDir, sim, machineKey: data.machineKey, now: systemClock.now(), count: 1, firstSequence: sequence++ });
      approveAll(data.db, systemClock, rids, data.audit);
    } finally {
      data.close();
    }
  }

  before(async () => {
    ({ dir, sim, dataDir } = await startCliBed('sync-router-'));
    // a viewer the server knows: the user sync brings it down with the role Default
    await admin(sim, 'users', { userId: 'viewer1', name: 'Viewer One', password: 'Viewer#2026', roles: ['Default'] });
    const initial = await as('officer1', 'Officer#2026', ['--initial', '--machine-name', SIM_MACHINE_NAME]);
    assert.equal(initial.code, 0, initial.out + initial.err);
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs an operator who came down with the user sync in through the server, then down-syncs in a local session', async () => {
    const before = audit().length;
    const run = await as('officer1', 'Officer#2026', ['--json']);
    assert.equal(run.code, 0, run.out + run.err);
    assert.ok((JSON.parse(run.out) as { jobs: { ok: boolean }[] }).jobs.every((j) => j.ok));
    const events = audit().slice(0, audit().length - before).map((e) => `${e.event}:${e.actor ?? ''}`);
    // newest first: the server login, its password kept as the offline one, the local login, the down-sync
    for (const expected of ['SYNC_SERVER_LOGIN:officer1', 'OPERATOR_UPDATED:officer1', 'LOGIN_SUCCESS:officer1', 'SYNC_DOWN_COMPLETED:officer1']) {
      assert.ok(events.includes(expected), `${expected} in ${events.join(', ')}`);
    }
    const again = audit().length;
    assert.equal((await as('officer1', 'Officer#2026', [])).code, 0);
    assert.ok(!audit().slice(0, audit().length - again).some((e) => e.event === 'OPERATOR_UPDATED'), 'an unchanged password is not written again');
  });

  it('refuses a viewer by role in the Router (ERR_AUTH_FORBIDDEN, audited ROLE_DENIED) and runs no down-sync', async () => {
    const downSyncs = () => audit().filter((e) => e.event === 'SYNC_DOWN_COMPLETED').length;
    const before = downSyncs();
    const text = await as('viewer1', 'Viewer#2026', []);
    assert.equal(text.code, 1, text.out + text.err);
    assert.equal(text.err, 'error ERR_AUTH_FORBIDDEN: Your role does not allow this action. It needs: Registration officer, Supervisor.\n  method: sync.downSync\n');
    const json = await as('viewer1', 'Viewer#2026', ['--eod', '--json']);
    assert.equal(json.code, 1, json.out + json.err);
    assert.deepEqual((JSON.parse(json.out) as { error: { code: string; details: { method: string } } }).error.details.method, 'sync.endOfDay');
    // `status reconcile` goes through the Router too (sync.reconcileStatuses)
    const reconcile = await runCliCaptured(dataDir, sim.url, ['status', 'reconcile', '--user', 'viewer1', '--json'], 'Viewer#2026');
    assert.notEqual(reconcile.code, 0, reconcile.out + reconcile.err);
    assert.deepEqual((JSON.parse(reconcile.out) as { error: { code: string; details: { method: string } } }).error, { code: 'ERR_AUTH_FORBIDDEN', message: (JSON.parse(reconcile.out) as { error: { message: string } }).error.message, details: { method: 'sync.reconcileStatuses', requiredRoles: ['REGISTRATION_OFFICER', 'REGISTRATION_SUPERVISOR'] } });
    const denied = audit().filter((e) => e.event === 'ROLE_DENIED' && e.actor === 'viewer1').map((e) => e.details['method']);
    assert.deepEqual(denied.sort(), ['sync.downSync', 'sync.endOfDay', 'sync.reconcileStatuses']);
    assert.equal(downSyncs(), before, 'nothing ran for the refused viewer');
  });

  it('draws the end of day\'s progress events on stderr only when stderr is a terminal', async () => {
    await approvedPacket();
    const piped = await eodWithStderr(false);
    assert.equal(piped.code, 0, piped.err);
    assert.equal(piped.err, '', 'nothing on a piped stderr');
    await approvedPacket();
    const terminal = await eodWithStderr(true);
    assert.equal(terminal.code, 0, terminal.err);
    assert.match(terminal.err, /\rridSync +\[#+\] 1\/1/);
    assert.match(terminal.err, /\rupload +\[#+\] 1\/1 {2}\(each upload may take up to 10 min\)\n/);
  });
});
