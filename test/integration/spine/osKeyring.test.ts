import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDataDir } from '../../../electron/host/openDataDir';
import { AuthService } from '../../../electron/services/auth/AuthService';
import { keyringHome, runCliInSession, type CliRun, type KeyringHome } from '../../helpers/keyringSession';

/** The key protection's header in every wrapped file of a data dir. */
function wrappedHeaders(dataDir: string): Array<{ file: string; kind: string; ref?: string }> {
  const keys = join(dataDir, 'keys');
  return readdirSync(keys)
    .filter((f) => f.endsWith('.wrapped'))
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(keys, file), 'utf8')) as { kind: string; ref?: string }) }));
}

function errorCode(run: CliRun): string | undefined {
  return /error (ERR_[A-Z_]+)/.exec(run.err)?.[1];
}

function keyProtection(run: CliRun): { status: string; detail: string } | undefined {
  return (JSON.parse(run.out) as { checks: Array<{ name: string; status: string; detail: string }> }).checks.find((c) => c.name === 'key protection');
}

const PASSWORD = { REGCLIENT_PASSWORD: 'Supervisor#2026' };
const addSupervisor = (dataDir: string) => ['operators', 'add', '--data-dir', dataDir, '--user', 'supervisor1', '--name', 'Supervisora', '--role', 'REGISTRATION_SUPERVISOR'];

/**
 * Issue 12, item 9: under the browser host and the CLI the keys live in the OS keyring (a real
 * Secret Service: GNOME Keyring on a private session bus), not in a key file beside them, so a copy
 * of the data dir decrypts nothing.
 */
describe('data dir keys in the OS keyring', () => {
  let dir: string;
  let alice: KeyringHome;
  let bob: KeyringHome;
  let dataDir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'os-keyring-'));
    alice = keyringHome(dir, 'alice');
    bob = keyringHome(dir, 'bob');
    dataDir = join(dir, 'data');
    const add = await runCliInSession(alice, addSupervisor(dataDir), PASSWORD);
    assert.equal(add.code, 0, add.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sets a new data dir up in the keyring of a desktop session: no key file, and the wrapped files name only the entry', () => {
    assert.equal(existsSync(join(dataDir, 'keys', 'master.key')), false);
    const headers = wrappedHeaders(dataDir);
    assert.deepEqual(headers.map((h) => h.file).sort(), ['audit-key.wrapped', 'db-key.wrapped', 'machine-key.wrapped']);
    assert.ok(headers.every((h) => h.kind === 'keyring' && h.ref === headers[0]!.ref && /^[0-9a-f]{32}$/.test(h.ref ?? '')), JSON.stringify(headers));
  });

  it('opens it again in a later session of the same user, and doctor reports the keyring', async () => {
    const list = await runCliInSession(alice, ['packets', 'list', '--data-dir', dataDir, '--json']);
    assert.equal(list.code, 0, list.err);
    const doctor = await runCliInSession(alice, ['doctor', '--data-dir', dataDir, '--json']);
    assert.deepEqual(keyProtection(doctor), { name: 'key protection', status: 'ok', detail: "keys wrapped by a key in this user's OS keyring (service org.regclient.desktop), not stored in the data dir" });
  });

  it('refuses a copy of the folder in another user’s keyring, and changes nothing in it', async () => {
    const copy = join(dir, 'copy');
    cpSync(dataDir, copy, { recursive: true });
    const before = readdirSync(copy, { recursive: true }).sort();
    const run = await runCliInSession(bob, ['packets', 'list', '--data-dir', copy]);
    assert.equal(run.code, 1);
    assert.equal(errorCode(run), 'ERR_DB_KEYRING_ENTRY_MISSING', run.err);
    assert.match(run.err, /org\.regclient\.desktop \/ data-dir-key:[0-9a-f]{32}/);
    assert.deepEqual(readdirSync(copy, { recursive: true }).sort(), before);
  });

  it('says the keyring does not answer when no desktop session is there (cron, ssh)', async () => {
    const run = await runCliInSession(undefined, ['packets', 'list', '--data-dir', dataDir]);
    assert.equal(errorCode(run), 'ERR_DB_KEYRING_UNAVAILABLE', run.err);
    assert.equal(run.code, 1);
  });

  it('refuses REGCLIENT_KEY_STORE=keyring without a keyring, and leaves no folder behind', async () => {
    const fresh = join(dir, 'no-keyring');
    const run = await runCliInSession(undefined, addSupervisor(fresh), { ...PASSWORD, REGCLIENT_KEY_STORE: 'keyring' });
    assert.equal(errorCode(run), 'ERR_DB_KEYRING_UNAVAILABLE', run.err);
    assert.equal(existsSync(fresh), false);
  });

  it('refuses a REGCLIENT_KEY_STORE that names no store, as a usage error', async () => {
    const run = await runCliInSession(undefined, addSupervisor(join(dir, 'bogus')), { ...PASSWORD, REGCLIENT_KEY_STORE: 'vault' });
    assert.equal(run.code, 2);
    assert.equal(errorCode(run), 'ERR_DB_KEY_STORE_INVALID');
    assert.match(run.err, /^error ERR_DB_KEY_STORE_INVALID: REGCLIENT_KEY_STORE is set to "vault", which is not a key store\. Use one of: keyring, keyfile, or unset it\.$/m);
    assert.equal(existsSync(join(dir, 'bogus')), false);
  });

  it('keeps the key file (warned) when REGCLIENT_KEY_STORE=keyfile, even in a desktop session', async () => {
    const pinned = join(dir, 'pinned');
    assert.equal((await runCliInSession(alice, addSupervisor(pinned), { ...PASSWORD, REGCLIENT_KEY_STORE: 'keyfile' })).code, 0);
    assert.ok(existsSync(join(pinned, 'keys', 'master.key')));
    assert.ok(wrappedHeaders(pinned).every((h) => h.kind === 'keyfile'));
  });
});

/** `regclient keys protect --to keyring`: an existing key-file data dir moves its keys into the keyring. */
describe('regclient keys protect', () => {
  let dir: string;
  let alice: KeyringHome;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keys-protect-'));
    alice = keyringHome(dir, 'alice');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A data dir set up before the keyring (key file), with a supervisor and an officer. */
  async function keyFileDataDir(name: string): Promise<string> {
    const dataDir = join(dir, name);
    const data = openDataDir({ dataDir, env: {} });
    const auth = new AuthService({ db: data.db, audit: data.audit, clock: data.clock });
    await auth.createOperator({ userId: 'supervisor1', name: 'Supervisora', roles: ['REGISTRATION_SUPERVISOR'], password: 'Supervisor#2026', language: 'por' }, 'test');
    await auth.createOperator({ userId: 'officer1', name: 'Oficial', roles: ['REGISTRATION_OFFICER'], password: 'Officer#2026', language: 'por' }, 'test');
    data.close();
    return dataDir;
  }

  it('moves every wrapped key under one keyring entry, deletes the key file, and the data dir opens and verifies after', async () => {
    const dataDir = await keyFileDataDir('moved');
    const run = await runCliInSession(alice, ['keys', 'protect', '--to', 'keyring', '--user', 'supervisor1', '--data-dir', dataDir, '--json'], PASSWORD);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(JSON.parse(run.out), { from: ['keyfile'], to: 'keyring', files: ['audit-key.wrapped', 'db-key.wrapped', 'machine-key.wrapped'], removedKeyFile: true, changed: true });
    assert.equal(existsSync(join(dataDir, 'keys', 'master.key')), false);
    const headers = wrappedHeaders(dataDir);
    assert.ok(headers.every((h) => h.kind === 'keyring' && h.ref === headers[0]!.ref), JSON.stringify(headers));
    const verify = await runCliInSession(alice, ['audit', 'verify', '--data-dir', dataDir, '--json']);
    assert.equal(verify.code, 0, verify.out + verify.err);
    assert.equal((JSON.parse(verify.out) as { ok: boolean }).ok, true);
    const again = await runCliInSession(alice, ['keys', 'protect', '--to', 'keyring', '--user', 'supervisor1', '--data-dir', dataDir, '--json'], PASSWORD);
    assert.deepEqual(JSON.parse(again.out), { to: 'keyring', changed: false });
  });

  it('is a supervisor’s decision: an officer or a wrong password moves nothing', async () => {
    const dataDir = await keyFileDataDir('refused');
    const officer = await runCliInSession(alice, ['keys', 'protect', '--to', 'keyring', '--user', 'officer1', '--data-dir', dataDir], { REGCLIENT_PASSWORD: 'Officer#2026' });
    assert.equal(errorCode(officer), 'ERR_SYNC_NOT_SUPERVISOR', officer.err);
    const wrong = await runCliInSession(alice, ['keys', 'protect', '--to', 'keyring', '--user', 'supervisor1', '--data-dir', dataDir], { REGCLIENT_PASSWORD: 'Wrong#2026x' });
    assert.equal(errorCode(wrong), 'ERR_AUTH_WRONG_PASSWORD', wrong.err);
    assert.ok(existsSync(join(dataDir, 'keys', 'master.key')));
    assert.ok(wrappedHeaders(dataDir).every((h) => h.kind === 'keyfile'));
  });

  it('needs a keyring that answers, and says so', async () => {
    const dataDir = await keyFileDataDir('no-session');
    const run = await runCliInSession(undefined, ['keys', 'protect', '--to', 'keyring', '--user', 'supervisor1', '--data-dir', dataDir], PASSWORD);
    assert.equal(errorCode(run), 'ERR_DB_KEYRING_UNAVAILABLE', run.err);
    assert.ok(wrappedHeaders(dataDir).every((h) => h.kind === 'keyfile'));
  });
});
