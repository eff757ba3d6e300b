import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { clockShifterEnv } from '../../helpers/clockShifterEnv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { runCliCaptured } from '../sync/cliTestBed';
import { useEodCliBed } from '../sync/useEodCliBed';

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
  const bed = useEodCliBed('cli-progress-');
  const officer = (argv: string[]) => runCliCaptured(bed.dataDir, bed.sim.url, argv, 'Officer#2026');
  const supervisor = (argv: string[]) => runCliCaptured(bed.dataDir, bed.sim.url, argv, 'Supervisor#2026');
  const eodLine = () => `${process.execPath} --import tsx ${CLI} --data-dir ${bed.dataDir} --server ${bed.sim.url} sync --eod --user officer1`;

  async function buildApproved(): Promise<void> {
    const r = await officer(['packet', 'build', '--input', join(bed.dir, 'input.json')]);
    assert.equal(r.code, 0, r.err);
    const { rid } = JSON.parse(r.out) as { rid: string };
    assert.equal((await supervisor(['packets', 'approve', rid, '--user', 'supervisor1'])).code, 0);
  }

  it('with 2>log: no progress and no \\r in the log; the summary still on the terminal', async () => {
    await buildApproved();
    const log = join(bed.dir, 'eod.log');
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
