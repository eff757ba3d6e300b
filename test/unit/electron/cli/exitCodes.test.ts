import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { AppError, ERROR_CODES } from '../../../../schemas/errors';
import type { CliCommand } from '../../../../electron/cli/CliCommand';
import { EXIT, EXIT_HELP, exitCodeForError } from '../../../../electron/cli/exitCodes';
import { runCli } from '../../../../electron/cli/runCli';

const README = join(import.meta.dirname, '..', '..', '..', '..', 'README.md');

/** The `| code | meaning |` table under "Exit codes" in README's command-line section. */
function readmeTable(): Map<number, string> {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('\nExit codes');
  assert.ok(start > 0, 'README has an "Exit codes" table');
  const rows = new Map<number, string>();
  for (const line of text.slice(start).split('\n').slice(1)) {
    const m = /^\| (\d+) \| (.+) \|$/.exec(line);
    if (m) rows.set(Number(m[1]), m[2]!);
    else if (rows.size > 0 && !line.startsWith('|')) break;
  }
  return rows;
}

async function run(command: CliCommand, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; err: string }> {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(command.words.slice(), [command], { env, stdout: new PassThrough(), stderr });
  return { code, err };
}

describe('regclient exit codes: one table', () => {
  it('README, --help and the EXIT table list the same codes', () => {
    const codes = Object.values(EXIT).sort((a, b) => a - b);
    assert.deepEqual([...readmeTable().keys()].sort((a, b) => a - b), codes);
    assert.deepEqual([...EXIT_HELP.matchAll(/^ {2}(\d+) /gm)].map((m) => Number(m[1])), codes);
  });

  it('maps command-line mistakes to 2, "not set up" to 3, other catalogue errors to 1 and bugs to 70', () => {
    const usage = ERROR_CODES.filter((c) => c.startsWith('ERR_CLI_') && exitCodeForError(new AppError(c, {} as never)) === EXIT.USAGE);
    assert.deepEqual(usage.sort(), ['ERR_CLI_BAD_ARGUMENT', 'ERR_CLI_BAD_SERVER_URL', 'ERR_CLI_FILE_MISSING', 'ERR_CLI_FILE_NOT_PEM', 'ERR_CLI_WRONG_FILE_KIND']);
    assert.equal(exitCodeForError(new AppError('ERR_CLI_DATA_DIR_MISSING', { path: 'x', source: '--data-dir' })), EXIT.NOT_SET_UP);
    assert.equal(exitCodeForError(new AppError('ERR_PACKET_REG_CERT_MISSING', { path: 'x' })), EXIT.NOT_SET_UP);
    assert.equal(exitCodeForError(new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' })), EXIT.NOT_SET_UP);
    assert.equal(exitCodeForError(new AppError('ERR_CLI_OUT_UNWRITABLE', { option: '--out', path: 'x', reason: 'EACCES' })), EXIT.FAILED);
    assert.equal(exitCodeForError(new AppError('ERR_SYNC_UNREACHABLE', { endpoint: '/x', reason: 'ECONNREFUSED' })), EXIT.FAILED);
    assert.equal(exitCodeForError(new TypeError('bug')), EXIT.INTERNAL);
  });

  it('reports a bug as ERR_INTERNAL in one sentence with exit 70; the stack only with REGCLIENT_DEBUG', async () => {
    const buggy: CliCommand = { words: ['buggy'], summary: 'throws a bug', usage: '', run: () => Promise.reject(new TypeError('cannot read x of undefined')) };
    const plain = await run(buggy);
    assert.equal(plain.code, 70);
    assert.equal(plain.err, 'error ERR_INTERNAL: internal error (a bug) in regclient buggy: cannot read x of undefined\nrun it again with REGCLIENT_DEBUG=1 and send the output to support\n');
    const debug = await run(buggy, { REGCLIENT_DEBUG: '1' });
    assert.match(debug.err, /\n\s+at /, 'the stack when asked for');
  });
});
