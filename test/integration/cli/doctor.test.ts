import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HEALTH_PATH, type DoctorCheck } from '../../../electron/cli/commands/doctor';
import { DB_FILE, openDataDir } from '../../../electron/host/openDataDir';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import { makeTestPki } from '../../helpers/packetKeys';
import { runCliWithEnv, type CliRun } from '../sync/cliTestBed';
import { runCliProcess } from './runCliProcess';
import { startStatusServer, type StatusServer } from './statusServer';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { systemClock } from '../../../native/time/Clock';

const isRoot = process.getuid?.() === 0;

/** `regclient doctor --json` as a child process of the unprivileged user `nobody` (the test runs as root). */
function doctorAsNobody(dataDir: string): Promise<CliRun> {
  return runCliProcess(['doctor', '--data-dir', dataDir, '--json'], {}, { uid: 65534, gid: 65534 });
}

function checks(run: CliRun): DoctorCheck[] {
  return (JSON.parse(run.out) as { checks: DoctorCheck[] }).checks;
}

function check(run: CliRun, name: string): DoctorCheck | undefined {
  return checks(run).find((c) => c.name === name);
}

/** `regclient doctor` says what it checked, what is wrong and what to do, and exits 1 on any FAIL. */
describe('regclient doctor', () => {
  let dir: string;
  let server: StatusServer;
  let synced: string;
  const doctor = (dataDir: string, ...extra: string[]) => runCliWithEnv(['doctor', '--data-dir', dataDir, '--server', server.url, ...extra], {});

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doctor-cli-'));
    server = await startStatusServer();
    // a machine that is set up and has synced its REGISTRATION certificate (minted on the clock doctor reads)
    synced = join(dir, 'synced');
    openDataDir({ dataDir: synced, env: {} }).close();
    mkdirSync(join(synced, 'certs'));
    writeFileSync(join(synced, REGISTRATION_CERT_PATH), makeTestPki(Date.now()).regCertPem);
  });
  after(async () => {
    await server.close();
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a set-up, synced machine whose server answers 2xx on MOSIP\'s health path', async () => {
    server.status = 200;
    const run = await doctor(synced, '--json');
    assert.equal(run.code, 0, run.out + run.err);
    assert.deepEqual(checks(run).filter((c) => c.status === 'fail'), []);
    assert.deepEqual(check(run, 'server'), { name: 'server', status: 'ok', detail: `${server.url}${HEALTH_PATH} answered HTTP 200` });
    assert.equal(server.paths.at(-1), HEALTH_PATH);
  });

  it('passes against the MOSIP simulator, which answers the actuator health path as MOSIP does', async () => {
    const sim = await new MosipSimulator({ stateDir: join(dir, 'sim'), clock: systemClock }).start();
    try {
      const run = await runCliWithEnv(['doctor', '--data-dir', synced, '--server', sim.url, '--json'], {});
      assert.deepEqual(check(run, 'server'), { name: 'server', status: 'ok', detail: `${sim.url}${HEALTH_PATH} answered HTTP 200` });
    } finally {
      await sim.close();
    }
  });

  it('says what protects the keys: a plain key file beside them is a warning, a secret from the environment is not', async () => {
    const keyFile = check(await doctor(synced, '--json'), 'key protection');
    assert.equal(keyFile?.status, 'warn');
    assert.match(keyFile?.detail ?? '', new RegExp(`plain key file, ${join(synced, 'keys', 'master.key').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, beside them`));
    assert.ok(keyFile?.action);
    const secret = 'sao-tome-principe-2026-long-secret';
    const ignored = check(await runCliWithEnv(['doctor', '--data-dir', synced, '--server', server.url, '--json'], { REGCLIENT_DB_SECRET: secret }), 'key protection');
    assert.match(ignored?.detail ?? '', /REGCLIENT_DB_SECRET is set but not used/);
    const envDir = join(dir, 'env-wrapped');
    openDataDir({ dataDir: envDir, env: { REGCLIENT_DB_SECRET: secret } }).close();
    const env = check(await runCliWithEnv(['doctor', '--data-dir', envDir, '--server', server.url, '--json'], { REGCLIENT_DB_SECRET: secret }), 'key protection');
    assert.deepEqual(env, { name: 'key protection', status: 'ok', detail: 'keys wrapped by a secret from REGCLIENT_DB_SECRET, not stored in the data dir' });
  });

  it('fails a data dir that does not exist, names it, and never says "no database yet"', async () => {
    const missing = join(dir, 'no-such-folder');
    const run = await doctor(missing);
    assert.equal(run.code, 1);
    assert.match(run.out, new RegExp(`^FAIL  data dir +${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(from --data-dir\\) does not exist\\n +→ give the machine's folder with --data-dir`, 'm'));
    assert.doesNotMatch(run.out, /no database yet|start the app once|OK +data dir/);
    assert.doesNotMatch(run.out, /database/, 'no database verdict about a folder that is not there');
  });

  // As root, chmod 000 blocks nothing: the check then runs the CLI as a process under `nobody`.
  it('fails an unreadable data dir as unreadable, not as "no database"', async () => {
    const locked = join(dir, 'locked');
    openDataDir({ dataDir: locked, env: {} }).close();
    chmodSync(dir, 0o711); // others may pass through the test folder, not read it
    chmodSync(locked, 0o000);
    try {
      const run = isRoot ? await doctorAsNobody(locked) : await doctor(locked, '--json');
      assert.equal(run.code, 1, run.out + run.err);
      const line = check(run, 'data dir');
      assert.equal(line?.status, 'fail');
      assert.match(line?.detail ?? '', /cannot read and write it \(EACCES\)/);
      assert.equal(check(run, 'database'), undefined, 'an existing database must not be reported missing');
    } finally {
      chmodSync(locked, 0o700);
      chmodSync(dir, 0o700);
    }
  });

  it('names a folder without a database as possibly the wrong folder', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const run = await doctor(empty, '--json');
    assert.equal(run.code, 1);
    assert.equal(check(run, 'data dir')?.status, 'ok');
    const db = check(run, 'database');
    assert.deepEqual([db?.status, db?.detail], ['fail', `no ${DB_FILE} in ${empty}`]);
    assert.match(db?.action ?? '', /^if this machine was set up, this is the wrong folder/);
  });

  for (const status of [404, 405, 503]) {
    it(`fails the server check on HTTP ${status} from the server address, with the status`, async () => {
      server.status = status;
      const run = await doctor(synced, '--json');
      assert.equal(run.code, 1, run.out);
      const line = check(run, 'server');
      assert.equal(line?.status, 'fail');
      assert.match(line?.detail ?? '', new RegExp(`answered HTTP ${status}\\b`));
      assert.match(line?.action ?? '', status >= 500 ? /not healthy/ : /not a MOSIP server's base address: check --server/);
    });
  }

  it('fails a machine that never synced (no REGISTRATION certificate) and says to run regclient sync', async () => {
    server.status = 200;
    const fresh = join(dir, 'fresh');
    openDataDir({ dataDir: fresh, env: {} }).close();
    const run = await doctor(fresh, '--json');
    assert.equal(run.code, 1);
    const line = check(run, 'reg cert');
    assert.equal(line?.status, 'fail');
    assert.match(line?.detail ?? '', /^never synced: no REGISTRATION certificate at /);
    assert.match(line?.action ?? '', /regclient sync --user ID --initial/);
  });

  it('gives an action for every line that is not OK, and warns (exit 0) when only the server is unreachable', async () => {
    const closed = await startStatusServer();
    await closed.close(); // a port nobody listens on any more
    const run = await runCliWithEnv(['doctor', '--data-dir', synced, '--server', closed.url, '--json'], {});
    assert.equal(run.code, 0, run.out);
    assert.equal(check(run, 'server')?.status, 'warn');
    const all = [...checks(run), ...checks(await doctor(join(dir, 'nope'), '--json'))];
    assert.deepEqual(all.filter((c) => c.status !== 'ok' && !c.action?.trim()).map((c) => c.name), []);
  });

  it('explains OK, WARN and FAIL in --help', async () => {
    const help = await runCliWithEnv(['doctor', '--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.out, /WARN +works for now .* does not change the exit code/);
    assert.match(help.out, /FAIL +.*the exit code is then 1/);
  });
});
