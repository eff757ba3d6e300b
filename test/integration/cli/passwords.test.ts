import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDataDir } from '../../../electron/host/openDataDir';
import { getOperator } from '../../../electron/services/db/repos/operators';
import { runOnTerminal } from './fakeTerminal';
import { printedError } from '../../helpers/printedError';

const dir = mkdtempSync(join(tmpdir(), 'cli-pw-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const add = (user = 'officer1') => ['operators', 'add', '--user', user, '--name', 'Ana', '--role', 'REGISTRATION_OFFICER', '--data-dir', join(dir, `d${++n}`)];
const dataDirOf = (argv: readonly string[]) => argv[argv.indexOf('--data-dir') + 1]!;

describe('regclient operators add: the password prompt', () => {
  it('shows the prompt on stderr, asks twice, creates the operator and leaves raw mode', async () => {
    const argv = add();
    const run = await runOnTerminal(argv, {}, ['Ilha-do-Principe-77\r', 'Ilha-do-Principe-77\r']);
    assert.equal(run.code, 0, run.err);
    assert.equal(run.prompts, 2);
    assert.match(run.err, /^Password for officer1: \nPassword for officer1 again: \n$/);
    assert.equal(run.out, 'operator officer1 created with roles REGISTRATION_OFFICER\n');
    assert.deepEqual(run.rawModes, [true, false, true, false]);
    const data = openDataDir({ dataDir: dataDirOf(argv), env: {} });
    try {
      assert.equal(getOperator(data.db, 'officer1')?.name, 'Ana');
    } finally {
      data.close();
    }
  });

  it('says when the two passwords differ and creates nothing', async () => {
    const argv = add();
    const run = await runOnTerminal(argv, {}, ['Ilha-do-Principe-77\r', 'Ilha-do-Principe-78\r']);
    assert.equal(run.code, 1);
    assert.match(run.err, /error ERR_CLI_PASSWORDS_DIFFER: The two passwords typed for officer1 differ\. Nothing was created/);
    assert.equal(existsSync(dataDirOf(argv)), false, 'no data dir');
  });

  it('backspace edits what was typed (the bytes a terminal sends in raw mode)', async () => {
    const run = await runOnTerminal(add(), {}, ['Ilha-do-Principe-7x\u007f7\r', 'Ilha-do-Principe-77\r']);
    assert.equal(run.code, 0, run.err);
  });

  it('Ctrl-C at the prompt: exit 130, raw mode off again, nothing written', async () => {
    const argv = add();
    const run = await runOnTerminal(argv, {}, ['Ilha\u0003']);
    assert.equal(run.code, 130);
    assert.match(run.err, /interrupted; nothing was written/);
    assert.deepEqual(run.rawModes, [true, false]);
    assert.equal(existsSync(dataDirOf(argv)), false);
  });

  it('Ctrl-C at the second prompt writes nothing either', async () => {
    const argv = add();
    const run = await runOnTerminal(argv, {}, ['Ilha-do-Principe-77\r', '\u0003']);
    assert.equal(run.code, 130);
    assert.equal(existsSync(dataDirOf(argv)), false);
  });

  const weak: readonly [string, string, RegExp][] = [
    ['password', 'officer1', /at least 10 characters/],
    ['abcdefgh', 'officer1', /at least 10 characters/],
    ['        ', 'officer1', /only spaces/],
    ['          ', 'officer1', /only spaces/],
    ['officer1officer1', 'officer1', /contain the user id/],
    ['xx1reciffo-yy', 'officer1', /contain the user id/],
    ['zzzzzzzzzzzz', 'officer1', /repeat one character/],
    ['Password123', 'officer1', /commonest/],
    ['qwertyuiop', 'officer1', /commonest/],
    ['1234567890', 'officer1', /commonest/],
    ['P@ssw0rd!!', 'officer1', /commonest/],
  ];
  for (const [password, user, rule] of weak) {
    it(`refuses ${JSON.stringify(password)} for ${user} before asking again or creating anything`, async () => {
      const argv = add(user);
      const run = await runOnTerminal(argv, {}, [`${password}\r`]);
      assert.equal(run.code, 1, run.err);
      assert.equal(run.prompts, 1, 'not asked twice');
      const printed = printedError(run.err);
      assert.equal(printed.code, 'ERR_AUTH_PASSWORD_WEAK');
      assert.match(printed.sentence, /^This password is not accepted \(password\): /);
      assert.match(printed.sentence, rule);
      assert.equal(existsSync(dataDirOf(argv)), false);
    });
  }

  it('applies the same policy to REGCLIENT_PASSWORD, naming the variable, and asks nothing', async () => {
    const argv = add();
    const run = await runOnTerminal(argv, { REGCLIENT_PASSWORD: 'abcdefgh' }, []);
    assert.equal(run.code, 1);
    assert.equal(run.prompts, 0);
    assert.match(run.err, /^error ERR_AUTH_PASSWORD_WEAK: This password is not accepted \(REGCLIENT_PASSWORD\): the password must be at least 10 characters\. /);
    assert.equal(existsSync(dataDirOf(argv)), false);
  });
});

describe('regclient operators add --json', () => {
  it('prints {userId, roles, created} on stdout and the policy error as {"error"} on stdout', async () => {
    const ok = await runOnTerminal([...add('supervisor1'), '--json'], { REGCLIENT_PASSWORD: 'Ilha-do-Principe-77' }, []);
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(JSON.parse(ok.out), { userId: 'supervisor1', roles: ['REGISTRATION_OFFICER'], created: true });
    const weak = await runOnTerminal([...add('supervisor2'), '--json'], { REGCLIENT_PASSWORD: 'supervisor2!' }, []);
    assert.equal(weak.code, 1);
    const { error } = JSON.parse(weak.out) as { error: { code: string; details: { field: string; rule: string } } };
    assert.equal(error.code, 'ERR_AUTH_PASSWORD_WEAK');
    assert.deepEqual(error.details, { field: 'REGCLIENT_PASSWORD', rule: 'the password must not contain the user id' });
  });
});
