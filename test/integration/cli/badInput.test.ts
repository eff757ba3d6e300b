import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDataDir } from '../../../electron/host/openDataDir';
import { makeTestPki } from '../../helpers/packetKeys';
import { printedError } from '../../helpers/printedError';
import { runCliWithEnv } from '../sync/cliTestBed';

const CLI = join(import.meta.dirname, '..', '..', '..', 'electron', 'cli', 'regclient.ts');

interface Case {
  readonly name: string;
  readonly argv: (f: (name: string) => string) => string[];
  readonly code: string;
  readonly details: (f: (name: string) => string) => Record<string, unknown>;
  readonly exit: number;
}

/** What an operator gets wrong on the command line: a catalogue code, the option and the rule; no stack trace. */
const CASES: readonly Case[] = [
  { name: 'an extra positional argument', argv: (f) => ['audit', 'verify', 'extra', '--data-dir', f('data')], code: 'ERR_CLI_BAD_ARGUMENT', details: () => ({ argument: 'extra', rule: 'this command takes no positional arguments' }), exit: 2 },
  { name: 'an unknown option', argv: (f) => ['packets', 'list', '--bogus', '--data-dir', f('data')], code: 'ERR_CLI_BAD_ARGUMENT', details: () => ({ argument: '--bogus', rule: 'Unknown option \'--bogus\'' }), exit: 2 },
  { name: '--server not-a-url', argv: () => ['doctor', '--server', 'not-a-url'], code: 'ERR_CLI_BAD_SERVER_URL', details: () => ({ value: 'not-a-url', rule: '--server must be an absolute URL such as https://host' }), exit: 2 },
  { name: '--server with another scheme', argv: () => ['doctor', '--server', 'ftp://mosip.example'], code: 'ERR_CLI_BAD_SERVER_URL', details: () => ({ value: 'ftp://mosip.example', rule: '--server must use http or https, not ftp:' }), exit: 2 },
  { name: '--server over plain http to another host', argv: () => ['doctor', '--server', 'http://mosip.example'], code: 'ERR_SYNC_SERVER_URL_INSECURE', details: () => ({ field: '--server', url: 'http://mosip.example', rule: 'plain-http-to-remote-host' }), exit: 1 },
  { name: 'a missing --trust-ca', argv: (f) => ['devices', 'list', '--trust-ca', f('none.pem'), '--ports', '1-1'], code: 'ERR_CLI_FILE_MISSING', details: (f) => ({ option: '--trust-ca', path: f('none.pem') }), exit: 2 },
  { name: 'a --trust-ca that is not PEM', argv: (f) => ['devices', 'list', '--trust-ca', f('notes.txt'), '--ports', '1-1'], code: 'ERR_CLI_FILE_NOT_PEM', details: (f) => ({ option: '--trust-ca', path: f('notes.txt'), expected: 'a PEM certificate (-----BEGIN CERTIFICATE-----)' }), exit: 2 },
  { name: 'a certificate as --reg-key', argv: (f) => ['packet', 'inspect', '--packet', f('notes.txt'), '--reg-key', f('reg.crt')], code: 'ERR_CLI_FILE_NOT_PEM', details: (f) => ({ option: '--reg-key', path: f('reg.crt'), expected: 'a PEM private key (-----BEGIN PRIVATE KEY-----); found a certificate' }), exit: 2 },
  { name: 'a directory as --packet', argv: (f) => ['packet', 'inspect', '--packet', f('folder'), '--reg-key', f('reg.key')], code: 'ERR_CLI_WRONG_FILE_KIND', details: (f) => ({ option: '--packet', path: f('folder'), expected: 'file' }), exit: 2 },
  { name: 'a file as --out (key flags)', argv: (f) => ['packet', 'build', '--input', f('in.json'), '--out', f('notes.txt'), '--reg-cert', f('reg.crt'), '--machine-key', f('m.key')], code: 'ERR_CLI_WRONG_FILE_KIND', details: (f) => ({ option: '--out', path: f('notes.txt'), expected: 'folder' }), exit: 2 },
  { name: 'a file as --out (data dir)', argv: (f) => ['packet', 'build', '--input', f('in.json'), '--out', f('notes.txt'), '--data-dir', f('data')], code: 'ERR_CLI_WRONG_FILE_KIND', details: (f) => ({ option: '--out', path: f('notes.txt'), expected: 'folder' }), exit: 2 },
  // Node's recursive mkdir retries ENOENT on /proc forever: this case hung before the fix
  { name: '--out /proc/x (key flags)', argv: (f) => ['packet', 'build', '--input', f('in.json'), '--out', '/proc/x', '--reg-cert', f('reg.crt'), '--machine-key', f('m.key')], code: 'ERR_CLI_OUT_UNWRITABLE', details: () => ({ option: '--out', path: '/proc/x', reason: 'ENOENT' }), exit: 1 },
  { name: '--out /proc/x (data dir)', argv: (f) => ['packet', 'build', '--input', f('in.json'), '--out', '/proc/x', '--data-dir', f('data')], code: 'ERR_CLI_OUT_UNWRITABLE', details: () => ({ option: '--out', path: '/proc/x', reason: 'ENOENT' }), exit: 1 },
];

describe('regclient: bad input gets a catalogue code and a sentence, never a stack trace', () => {
  let dir: string;
  const f = (name: string) => join(dir, name);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bad-input-cli-'));
    const pki = makeTestPki(Date.now());
    writeFileSync(f('reg.crt'), pki.regCertPem);
    writeFileSync(f('reg.key'), pki.regKeyPem);
    writeFileSync(f('m.key'), pki.machineKeyPem);
    writeFileSync(f('notes.txt'), 'not a certificate\n');
    mkdirSync(f('folder'));
    openDataDir({ dataDir: f('data'), env: {} }).close();
    mkdirSync(join(f('data'), 'certs'));
    writeFileSync(join(f('data'), 'certs', 'REGISTRATION.pem'), pki.regCertPem);
    writeFileSync(f('in.json'), (await runCliWithEnv(['packet', 'sample-input'], {})).out);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of CASES) {
    it(c.name, async () => {
      // REGCLIENT_DEBUG=1 adds the raw details under the sentence, so the test can check both
      const run = await runCliWithEnv(c.argv(f), { REGCLIENT_DEBUG: '1' });
      assert.equal(run.code, c.exit, run.err);
      const printed = printedError(run.err);
      assert.equal(printed.code, c.code);
      assert.deepEqual(printed.details, c.details(f));
      // every detail reaches the person in words (the sentence, or a `name: value` line), not as JSON
      for (const value of Object.values(c.details(f))) assert.ok(printed.text.includes(String(value)), `${String(value)} in:\n${printed.text}`);
      assert.doesNotMatch(printed.text, /[{}]/);
      assert.equal(run.err, `error ${printed.code}: ${printed.text}\ndetails: ${JSON.stringify(printed.details)}\n`, 'nothing else, no stack trace');
      assert.equal(run.out, '');
    });
  }

  it('prints one sentence, no raw details, without REGCLIENT_DEBUG; in Portuguese under a pt locale', async () => {
    const argv = ['packet', 'inspect', '--packet', f('folder'), '--reg-key', f('reg.key')];
    const english = await runCliWithEnv(argv, {});
    assert.equal(english.err, `error ERR_CLI_WRONG_FILE_KIND: ${f('folder')} given with --packet must be a file. Check the path.\n`);
    const portuguese = await runCliWithEnv(argv, { LANG: 'pt_ST.UTF-8' });
    assert.equal(portuguese.err, `error ERR_CLI_WRONG_FILE_KIND: ${f('folder')} indicado em --packet tem de ser um ficheiro. Verifique o caminho.\n`);
    // LC_ALL outranks LANG, as in every POSIX tool
    assert.equal((await runCliWithEnv(argv, { LANG: 'pt_ST.UTF-8', LC_ALL: 'C.UTF-8' })).err, english.err);
  });

  it('packet sample-input | head -c 50 exits quietly when the reader closes the pipe (EPIPE)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'packet', 'sample-input', '--scale', 'bench'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    let got = 0;
    // read 50 bytes, then close our end as `head -c 50` does
    child.stdout.on('data', (c: Buffer) => {
      got += c.length;
      if (got >= 50) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    assert.ok(got >= 50);
    assert.deepEqual([code, err], [0, '']);
  });
});
