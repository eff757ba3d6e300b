import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { printedError } from '../../helpers/printedError';
import { runCliWithEnv, type CliRun } from '../sync/cliTestBed';
import { startStatusServer } from './statusServer';

/** The refusal's code, and the folder and where it came from, as the sentence names them. */
function refusal(run: CliRun): { code: string; details: { path: string; source: string } } {
  const printed = printedError(run.err);
  const named = /^There is no regclient data folder at (.+?) \(from (.+)\)\. Give the right folder with --data-dir/.exec(printed.sentence);
  assert.ok(named, `the sentence does not name the folder and its source: ${printed.sentence}`);
  return { code: printed.code, details: { path: named[1]!, source: named[2]! } };
}

/** Without --data-dir, only commands that set a machine up may create the data folder. */
describe('regclient data folder: no silent creation', () => {
  let dir: string;
  let home: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'datadir-cli-'));
    home = join(dir, 'home');
    mkdirSync(home);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const readOnly: readonly (readonly string[])[] = [
    ['packets', 'list'],
    ['audit', 'verify'],
    ['packets', 'requeue', '10001100020000120261202000000', '--user', 'supervisor1'],
    // refused before any connection: the address is never dialled
    ['sync', '--user', 'officer1', '--server', 'http://127.0.0.1:9'],
    ['sync', '--user', 'officer1', '--machine-name', 'stp-laptop', '--server', 'http://127.0.0.1:9'],
  ];
  for (const argv of readOnly) {
    it(`${argv.filter((a) => !a.startsWith('http')).join(' ')} refuses with the folder it looked in, creating nothing (exit 3)`, async () => {
      const run = await runCliWithEnv(argv, { HOME: home, REGCLIENT_PASSWORD: 'Officer#2026' });
      assert.equal(run.code, 3, run.out + run.err);
      assert.deepEqual(refusal(run), { code: 'ERR_CLI_DATA_DIR_MISSING', details: { path: join(home, '.local', 'share', 'regclient'), source: 'the default per-user folder ($HOME/.local/share)' } });
      assert.equal(run.out, '', 'no "0 packet(s)" for a folder that is not there');
      assert.deepEqual(readdirSync(home), [], 'nothing created under $HOME');
    });
  }

  it('treats an empty XDG_DATA_HOME as unset (XDG spec), not as the current folder', async () => {
    const run = await runCliWithEnv(['packets', 'list'], { HOME: home, XDG_DATA_HOME: '' });
    assert.equal(run.code, 3);
    assert.equal(refusal(run).details.path, join(home, '.local', 'share', 'regclient'));
    const relative = await runCliWithEnv(['packets', 'list'], { HOME: home, XDG_DATA_HOME: 'relative/dir' });
    assert.equal(refusal(relative).details.path, join(home, '.local', 'share', 'regclient'), 'a relative XDG path is invalid and ignored');
    assert.equal(existsSync(join(process.cwd(), 'regclient', 'regclient.db')), false);
  });

  it('names XDG_DATA_HOME and REGCLIENT_DATA_DIR when the path came from them', async () => {
    const xdg = join(dir, 'xdg');
    const fromXdg = refusal(await runCliWithEnv(['packets', 'list'], { HOME: home, XDG_DATA_HOME: xdg }));
    assert.deepEqual(fromXdg.details, { path: join(xdg, 'regclient'), source: 'XDG_DATA_HOME' });
    const fromEnv = refusal(await runCliWithEnv(['packets', 'list'], { HOME: home, REGCLIENT_DATA_DIR: join(dir, 'env-dir') }));
    assert.deepEqual(fromEnv.details, { path: join(dir, 'env-dir'), source: 'REGCLIENT_DATA_DIR' });
    assert.equal(existsSync(xdg) || existsSync(join(dir, 'env-dir')), false);
  });

  it('lets sync --initial (machine set-up) create the data folder even when the server is unreachable', async () => {
    const fresh = join(dir, 'initial');
    // a port the OS gave out and nobody listens on any more: the login fails after the folder is made
    const gone = await startStatusServer();
    await gone.close();
    const run = await runCliWithEnv(['sync', '--user', 'officer1', '--initial', '--data-dir', fresh, '--server', gone.url], { REGCLIENT_PASSWORD: 'Officer#2026' });
    assert.equal(run.code, 1, run.err);
    assert.match(run.err, /^error ERR_SYNC_UNREACHABLE/);
    assert.ok(existsSync(join(fresh, 'regclient.db')), 'the set-up command created the data folder');
  });

  it('lets a set-up command (operators add) create the default folder; then read-only commands work on it', async () => {
    const env = { HOME: home, REGCLIENT_PASSWORD: 'long-enough-pw' };
    const add = await runCliWithEnv(['operators', 'add', '--user', 'officer1', '--name', 'Officer One', '--role', 'REGISTRATION_OFFICER'], env);
    assert.equal(add.code, 0, add.err);
    assert.ok(existsSync(join(home, '.local', 'share', 'regclient', 'regclient.db')));
    const list = await runCliWithEnv(['packets', 'list'], env);
    assert.deepEqual([list.code, list.out.trim().split('\n').at(-1)], [0, '0 packet(s)']);
  });
});
