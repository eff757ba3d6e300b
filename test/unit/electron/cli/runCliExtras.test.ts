import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { editDistance } from '../../../../electron/cli/suggestCommand';
import { runCliWithEnv } from '../../../helpers/runCliInProcess';

const PACKAGE = join(import.meta.dirname, '..', '..', '..', '..', 'package.json');

const cli = (argv: string[]) => runCliWithEnv(argv, {});

function jsonError(out: string): { code: string; details: Record<string, unknown> } {
  return (JSON.parse(out) as { error: { code: string; details: Record<string, unknown> } }).error;
}

describe('regclient --json failures, --version and "did you mean"', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-extras-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON error object on stdout with --json, and nothing on stdout without it', async () => {
    const missing = join(dir, 'missing');
    const json = await cli(['packets', 'list', '--json', '--data-dir', missing]);
    assert.equal(json.code, 3);
    assert.deepEqual(jsonError(json.out), { code: 'ERR_CLI_DATA_DIR_MISSING', message: 'no regclient data folder where the CLI looked; only set-up commands create one', details: { path: missing, source: '--data-dir' } });
    const text = await cli(['packets', 'list', '--data-dir', missing]);
    assert.deepEqual([text.code, text.out], [3, '']);
    assert.match(text.err, /^error ERR_CLI_DATA_DIR_MISSING/);
  });

  it('gives --json readers a catalogue code for argument and usage mistakes too', async () => {
    const extra = await cli(['audit', 'verify', 'extra', '--json', '--data-dir', dir]);
    assert.equal(extra.code, 2);
    assert.deepEqual(jsonError(extra.out).details, { argument: 'extra', rule: 'this command takes no positional arguments' });
    const usage = await cli(['packets', 'list', '--status', 'bogus', '--json', '--data-dir', dir]);
    assert.equal(usage.code, 2);
    assert.deepEqual([jsonError(usage.out).code, jsonError(usage.out).details['argument']], ['ERR_CLI_BAD_ARGUMENT', '--status']);
    const unknown = await cli(['pakets', 'list', '--json']);
    assert.equal(unknown.code, 2);
    assert.deepEqual(jsonError(unknown.out).details, { argument: 'pakets list', rule: 'unknown command; did you mean \'regclient packets list\'?' });
  });

  it('prints the package version for --version and -v', async () => {
    const version = (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-v']) {
      const run = await cli([flag]);
      assert.deepEqual([run.code, run.out, run.err], [0, `regclient ${version}\n`, '']);
    }
  });

  it('suggests the closest command, or the commands of a group, and nothing for gibberish', async () => {
    const cases: [string[], string][] = [
      [['docter'], "unknown command 'docter'; did you mean 'regclient doctor'?"],
      [['packets', 'lst', '--json'], "unknown command 'packets lst'; did you mean 'regclient packets list'?"],
      [['audit', 'verfy'], "unknown command 'audit verfy'; did you mean 'regclient audit verify'?"],
      [['packets'], "unknown command 'packets'; did you mean one of: packets list, packets approve, packets reject, packets hold, packets requeue?"],
      [['frobnicate'], "unknown command 'frobnicate'"],
    ];
    for (const [argv, line] of cases) {
      const run = await cli(argv);
      assert.equal(run.code, 2);
      assert.equal(run.err.split('\n')[0], `regclient: ${line}`);
    }
  });

  it('measures edit distance (Levenshtein)', () => {
    assert.deepEqual([editDistance('kitten', 'sitting'), editDistance('', 'abc'), editDistance('doctor', 'doctor'), editDistance('flaw', 'lawn')], [3, 3, 0, 2]);
  });
});
