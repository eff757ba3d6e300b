import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { clockShifterEnv } from '../../helpers/clockShifterEnv';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../../native/time/Clock';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { runCliCaptured, startCliBed } from '../sync/cliTestBed';

/**
 * Progress is for a person at a terminal: drawn on stderr only when stderr IS a terminal. Run as a
 * process under a pseudo-terminal (`script`), once with `2>log` (stdout still a terminal) and once
 * with both on the terminal.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'electron', 'cli', 'regclient.ts');
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

function onPty(shellLine: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(SCRIPT!, ['-qec', shellLine, '/dev/null'], { cwd: ROOT, env: { ...clockShifterEnv(), PATH: process.env['PATH'] ?? '', TERM: 'dumb', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolvePromise) => child.on('close', () => resolvePromise(out)));
}

describe('regclient sync --eod progress', { skip: SCRIPT ? false : 'util-linux script not installed' }, () => {
  let dir: string;
  let sim: MosipSimulator;
  let dataDir: string;
  const officer = (argv: string[]) => runCliCaptured(dataDir, sim.url, argv, 'Officer#2026');
  const supervisor = (argv: string[]) => runCliCaptured(dataDir, sim.url, argv, 'Supervisor#2026');
  const eodLine = () => `${process.execPath} --import tsx ${CLI} --data-dir ${dataDir} --server ${sim.url} sync --eod --user officer1`;

  async function buildApproved(): Promise<void> {
    const r = await officer(['packet', 'build', '--input', join(dir, 'input.json')]);
    assert.equal(r.code, 0, r.err);
    const { rid } = JSON.parse(r.out) as { rid: string };
    assert.equal((await supervisor(['packets', 'approve', rid, '--user', 'supervisor1'])).code, 0);
  }

  before(async () => {
    ({ dir, sim, dataDir } = await startCliBed('cli-progress-'));
    assert.equal((await supervisor(['operators', 'add', '--user', 'supervisor1', '--name', 'Supervisora', '--role', 'REGISTRATION_SUPERVISOR'])).code, 0);
    assert.equal((await officer(['sync', '--user', 'officer1', '--initial', '--machine-name', 'stp-laptop-10002'])).code, 0);
    writeFileSync(join(dir, 'input.json'), JSON.stringify(sampleRegistration({ now: systemClock.now() })));
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with 2>log: no progress and no \\r in the log; the summary still on the terminal', async () => {
    await buildApproved();
    const log = join(dir, 'eod.log');
    const out = await onPty(`${eodLine()} 2>${log}; echo "EXIT=$?"`, { REGCLIENT_PASSWORD: 'Officer#2026' });
    assert.match(out, /uploaded: 1 /);
    assert.match(out, /EXIT=0/);
    const text = readFileSync(log, 'utf8');
    assert.doesNotMatch(text, /\r/, `no carriage returns in the log: ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, /upload +\[/);
  });

  it('on a terminal: the bar on stderr, naming the upload timeout', async () => {
    await buildApproved();
    const out = await onPty(`${eodLine()}; echo "EXIT=$?"`, { REGCLIENT_PASSWORD: 'Officer#2026' });
    assert.match(out, /\rupload +\[#+\] 1\/1 {2}\(each upload may take up to 10 min\)/);
    assert.match(out, /uploaded: 1 /);
  });
});
