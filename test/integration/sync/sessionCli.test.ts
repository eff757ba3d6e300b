import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { SIM_MACHINE_NAME } from './syncTestBed';
import { runCliCaptured, startCliBed } from './cliTestBed';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Login, re-login after pinning, a wrong password and the machine check, as an operator types them. */
describe('regclient sync: the server session through the CLI', () => {
  let dir: string;
  let sim: MosipSimulator;
  let dataDir: string;

  async function cli(argv: string[], password = 'Officer#2026'): Promise<Run> {
    return runCliCaptured(dataDir, sim.url, argv, password);
  }

  async function machineNameCheck(): Promise<string | undefined> {
    const checks = (JSON.parse((await cli(['doctor', '--json'])).out) as { checks: { name: string; detail: string }[] }).checks;
    return checks.find((c) => c.name === 'machine name')?.detail;
  }

  before(async () => {
    ({ dir, sim, dataDir } = await startCliBed('session-cli-'));
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the machine under the host name until onboarding sets the registered name, which doctor shows', async () => {
    assert.equal(await machineNameCheck(), `${hostname().toLowerCase()} (from host name; change with sync --machine-name NAME)`);
    const unknown = await cli(['sync', '--user', 'officer1', '--initial', '--json']);
    assert.equal(unknown.code, 1);
    assert.deepEqual((JSON.parse(unknown.out) as { error: { code: string; details: unknown } }).error, {
      code: 'ERR_SYNC_MACHINE_NOT_REGISTERED',
      message: 'this machine key is not registered on the MOSIP server',
      details: { keyIndex: sim.state.data.machines['10002']!.keyIndex, errorCode: 'KER-SNC-155' },
    });
    const empty = await cli(['sync', '--user', 'officer1', '--initial', '--machine-name', ' ']);
    assert.deepEqual([empty.code, empty.err.split('\n')[0]], [2, 'regclient sync: --machine-name: the machine name is empty']);
    const onboarded = await cli(['sync', '--user', 'officer1', '--initial', '--machine-name', SIM_MACHINE_NAME]);
    assert.equal(onboarded.code, 0, onboarded.out + onboarded.err);
    assert.match(onboarded.out, /^OK {4}signCertificate +1 changed$/m);
    assert.equal(await machineNameCheck(), `${SIM_MACHINE_NAME} (from settings; change with sync --machine-name NAME)`);
  });

  // after the first test: the machine name is set and KERNEL/SIGN pinned
  it('logs in again once KERNEL/SIGN is pinned, and reports a wrong password as a wrong password', async () => {
    const again = await cli(['sync', '--user', 'officer1', '--initial']);
    assert.equal(again.code, 0, again.out + again.err);
    const wrong = await cli(['sync', '--user', 'officer1'], 'not-the-password');
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /^error ERR_SYNC_LOGIN_FAILED: The server did not accept the user id or password for officer1\. Check them and try again\.\n {2}error code: KER-SYN-AUTH-001\n/);
    const wrongJson = await cli(['sync', '--user', 'officer1', '--json'], 'not-the-password');
    assert.equal((JSON.parse(wrongJson.out) as { error: { code: string } }).error.code, 'ERR_SYNC_LOGIN_FAILED');
  });
});
