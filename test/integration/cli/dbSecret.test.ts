import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCliWithEnv } from '../sync/cliTestBed';

/** A too-short REGCLIENT_DB_SECRET is the operator's setting: a catalogue error, and nothing created. */
describe('regclient with a short REGCLIENT_DB_SECRET', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-secret-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const add = (dataDir: string, secret: string) =>
    runCliWithEnv(['operators', 'add', '--user', 'officer1', '--name', 'Ana', '--role', 'REGISTRATION_OFFICER', '--data-dir', dataDir, '--json'], { REGCLIENT_PASSWORD: 'Ilha-do-Principe-77', REGCLIENT_DB_SECRET: secret });

  it('refuses on a NEW dir with ERR_DB_SECRET_TOO_SHORT naming the variable and the rule, before creating the dir', async () => {
    const dataDir = join(dir, 'new');
    const r = await add(dataDir, 'fifteen-chars!!');
    assert.equal(r.code, 1, r.err);
    const { error } = JSON.parse(r.out) as { error: { code: string; details: unknown } };
    assert.deepEqual(error, { ...error, code: 'ERR_DB_SECRET_TOO_SHORT', details: { variable: 'REGCLIENT_DB_SECRET', rule: 'at least 16 characters (it has 15)' } });
    assert.doesNotMatch(r.err + r.out, /createEnvSecretWrapper|TypeError/, 'no internal function name');
    assert.equal(existsSync(dataDir), false, 'no half-created data dir');
  });

  it('accepts 16 characters and creates the dir', async () => {
    const dataDir = join(dir, 'ok');
    const r = await add(dataDir, 'sixteen-chars!!!');
    assert.equal(r.code, 0, r.err);
    assert.equal(existsSync(join(dataDir, 'regclient.db')), true);
  });
});
