import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { clockShifterEnv } from '../../helpers/clockShifterEnv';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

/**
 * The prompt on a REAL terminal: `script` (util-linux) gives the CLI a pseudo-terminal, so raw mode,
 * echo and Ctrl-C are the kernel's, not a fake's. Skipped only where util-linux `script` is absent.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'electron', 'cli', 'regclient.ts');
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'cli-pty-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `shellLine` under a pty; types each of `keys` once the terminal shows `waitFor`. */
function onPty(shellLine: string, steps: readonly { waitFor: string; keys: string }[]): Promise<{ out: string; code: number | null }> {
  const child = spawn(SCRIPT!, ['-qec', shellLine, '/dev/null'], { cwd: ROOT, env: { ...clockShifterEnv(), PATH: process.env['PATH'] ?? '', HOME: dir, TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let step = 0;
  let from = 0;
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    // each step waits for its text after the previous step's: keys go only to a prompt on screen
    for (let at = out.indexOf(steps[step]?.waitFor ?? '\0', from); step < steps.length && at >= 0; at = out.indexOf(steps[step]?.waitFor ?? '\0', from)) {
      from = at + steps[step]!.waitFor.length;
      child.stdin.write(steps[step++]!.keys);
    }
  });
  return new Promise((resolvePromise) => child.on('close', (code) => resolvePromise({ out, code })));
}

const echoOn = (out: string): boolean => /(^|\s)echo(\s|;|$)/m.test(out.slice(out.indexOf('STTY')));

describe('regclient password prompt on a pseudo-terminal', { skip: SCRIPT ? false : 'util-linux script not installed' }, () => {
  it('shows the prompt (not erased), and Ctrl-C exits 130 with echo back on and no data dir', async () => {
    const dataDir = join(dir, 'new');
    const line = `${process.execPath} --import tsx ${CLI} operators add --user officer1 --name Ana --role REGISTRATION_OFFICER --data-dir ${dataDir}; echo "EXIT=$?"; echo STTY; stty -a`;
    const { out } = await onPty(line, [{ waitFor: 'Password for officer1: ', keys: 'Ilha\u0003' }]);
    const after = out.slice(out.indexOf('Password for officer1: '));
    assert.ok(after.length > 0, out);
    // readline's redraw (cursor to column 1, clear to end of screen) is what used to erase the prompt
    assert.doesNotMatch(out, /\u001b\[(1G|0J|2K)/, 'no cursor movement that erases the prompt');
    assert.doesNotMatch(out, /Ilha/, 'what is typed is not echoed');
    assert.match(out, /interrupted; nothing was written/);
    assert.match(out, /EXIT=130/);
    assert.ok(echoOn(out), `terminal echo restored:\n${out}`);
    assert.equal(existsSync(dataDir), false);
  });
});
