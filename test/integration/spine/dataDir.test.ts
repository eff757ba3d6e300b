import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { COMMANDS } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/runCli';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/db/migrations';
import { DB_FILE, KEY_DIR, openDataDir } from '../../../electron/host/openDataDir';
import { DB_KEY_FILE, MASTER_KEY_FILE } from '../../../electron/host/chooseWrapper';
import { AuthService } from '../../../electron/services/auth/AuthService';
import { MACHINE_PUBLIC_KEY_FILE } from '../../../native/keystore/machineKeyStore';
import { createKeyFileWrapper } from '../../../native/keystore/SecretWrapper';
import { readWrappedSecret } from '../../../native/keystore/wrappedSecretFile';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { throwsWithCode } from '../../helpers/assertAppError';
import { makeTempDir } from '../../helpers/tempDir';
import { makeTestPki } from '../../helpers/packetKeys';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import '../../helpers/openTestDataDir';

const PERSONAL = { userId: 'mquaresma', name: 'Maria Quaresma Neves da Silva' };

function allBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await runCli(args, COMMANDS, { env, stdout, stderr });
  return { code, out, err };
}

describe('data dir: encryption at rest, machine identity, bad keys', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const dbBytes = () => readFileSync(join(temp.path, DB_FILE));

  beforeEach(async () => {
    temp = makeTempDir();
    const data = openDataDir({ dataDir: temp.path, env: {} });
    const auth = new AuthService({ db: data.db, audit: data.audit, clock: data.clock });
    await auth.createOperator({ ...PERSONAL, roles: ['REGISTRATION_OFFICER'], password: 'Sao-Tome-2026', language: 'por' }, null);
    await auth.verify(PERSONAL.userId, 'Sao-Tome-2026');
    data.close();
  });
  afterEach(() => temp.remove());

  it('stores no personal data in clear anywhere in the data dir (database, WAL, keys)', () => {
    const bytes = allBytes(temp.path);
    for (const needle of [PERSONAL.name, 'Quaresma', PERSONAL.userId, 'REGISTRATION_OFFICER', 'LOGIN_SUCCESS', 'SQLite format 3']) {
      assert.equal(bytes.includes(Buffer.from(needle)), false, `found "${needle}" in clear`);
    }
    // The data really is there, behind the key.
    const key = readWrappedSecret(join(temp.path, KEY_DIR, DB_KEY_FILE), createKeyFileWrapper(join(temp.path, KEY_DIR, MASTER_KEY_FILE)));
    const db = openDatabase(join(temp.path, DB_FILE), key);
    assert.equal((db.prepare('SELECT name FROM operators WHERE user_id = ?').get(PERSONAL.userId) as { name: string }).name, PERSONAL.name);
    db.close();
  });

  it('keeps the key file readable by its owner only', () => {
    assert.equal(statSync(join(temp.path, KEY_DIR, MASTER_KEY_FILE)).mode & 0o777, 0o600);
  });

  it('computes the MOSIP key index exactly as openssl does', () => {
    const data = openDataDir({ dataDir: temp.path, env: {} });
    data.close();
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', join(temp.path, KEY_DIR, MACHINE_PUBLIC_KEY_FILE), '-outform', 'DER']);
    const digest = execFileSync('openssl', ['dgst', '-sha256', '-hex', '-c'], { input: der }).toString();
    const opensslIndex = digest.trim().split('= ')[1]!.toLowerCase();
    assert.match(opensslIndex, /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
    assert.equal(data.identity.keyIndex, opensslIndex);
  });

  it('keeps the same machine key and key index across restarts', () => {
    const a = openDataDir({ dataDir: temp.path, env: {} });
    a.close();
    const b = openDataDir({ dataDir: temp.path, env: {} });
    b.close();
    assert.equal(a.identity.keyIndex, b.identity.keyIndex);
  });

  it('refuses a corrupt database key and leaves the database untouched', () => {
    const before = dbBytes();
    writeFileSync(join(temp.path, KEY_DIR, DB_KEY_FILE), '{"version":1,"kind":"keyfile","data":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}');
    throwsWithCode(() => openDataDir({ dataDir: temp.path, env: {} }), 'ERR_DB_KEY_INVALID');
    assert.deepEqual(dbBytes(), before);
  });

  it('refuses a missing database key and never starts a new database over the old one', () => {
    const before = dbBytes();
    unlinkSync(join(temp.path, KEY_DIR, DB_KEY_FILE));
    throwsWithCode(() => openDataDir({ dataDir: temp.path, env: {} }), 'ERR_DB_KEY_MISSING');
    assert.deepEqual(dbBytes(), before);
    assert.equal(existsSync(join(temp.path, KEY_DIR, DB_KEY_FILE)), false);
  });

  it('refuses a missing key file', () => {
    unlinkSync(join(temp.path, KEY_DIR, MASTER_KEY_FILE));
    throwsWithCode(() => openDataDir({ dataDir: temp.path, env: {} }), 'ERR_DB_KEY_MISSING');
  });

  it('refuses a database from a newer app version without changing it', () => {
    const key = readWrappedSecret(join(temp.path, KEY_DIR, DB_KEY_FILE), createKeyFileWrapper(join(temp.path, KEY_DIR, MASTER_KEY_FILE)));
    const db = openDatabase(join(temp.path, DB_FILE), key);
    db.pragma('user_version = 5000');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = dbBytes();
    throwsWithCode(() => openDataDir({ dataDir: temp.path, env: {} }), 'ERR_DB_NEWER_VERSION', { found: 5000, supported: LATEST_SCHEMA_VERSION });
    assert.deepEqual(dbBytes(), before);
  });

  it('wraps with an environment secret when one is set, and demands it afterwards', () => {
    const other = makeTempDir();
    try {
      const env = { REGCLIENT_DB_SECRET: 'a-long-enough-secret-for-tests' };
      openDataDir({ dataDir: other.path, env }).close();
      throwsWithCode(() => openDataDir({ dataDir: other.path, env: {} }), 'ERR_DB_SECRET_MISSING', { variable: 'REGCLIENT_DB_SECRET' });
      throwsWithCode(() => openDataDir({ dataDir: other.path, env: { REGCLIENT_DB_SECRET: 'the-wrong-secret-entirely' } }), 'ERR_DB_KEY_INVALID');
      openDataDir({ dataDir: other.path, env }).close();
    } finally {
      other.remove();
    }
  });

  it('refuses to give an existing installation a new machine identity when its key is gone', () => {
    unlinkSync(join(temp.path, KEY_DIR, 'machine-key.wrapped'));
    throwsWithCode(() => openDataDir({ dataDir: temp.path, env: {} }), 'ERR_KEYSTORE_INVALID');
  });
});

describe('regclient audit verify / doctor', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const tamper = (sql: string) => {
    const key = readWrappedSecret(join(temp.path, KEY_DIR, DB_KEY_FILE), createKeyFileWrapper(join(temp.path, KEY_DIR, MASTER_KEY_FILE)));
    const db = openDatabase(join(temp.path, DB_FILE), key);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec(sql);
    db.close();
  };

  beforeEach(() => {
    temp = makeTempDir();
    const data = openDataDir({ dataDir: temp.path, env: {} });
    for (let i = 0; i < 5; i++) data.audit.append('LOGIN_FAILED', 'officer1', { reason: 'wrong-password', i });
    data.close();
  });
  afterEach(() => temp.remove());

  it('passes on an untouched log', async () => {
    const r = await cli(['audit', 'verify', '--data-dir', temp.path]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /audit log OK: 7 entries, hash chain intact/);
  });

  it('fails on an edited entry and names it', async () => {
    tamper(`UPDATE audit_log SET actor = 'someone' WHERE seq = 4`);
    const r = await cli(['audit', 'verify', '--data-dir', temp.path]);
    assert.equal(r.code, 1);
    assert.match(r.out, /BROKEN at entry 4: entry 4 was modified after it was written/);
  });

  it('fails on a deleted entry', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 3');
    const r = await cli(['audit', 'verify', '--json', `--data-dir=${temp.path}`]);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out).problem, { seq: 3, reason: 'entry 3 is missing (next entry found is 4)' });
  });

  it('doctor reports database, machine key and audit log', async () => {
    // a synced machine: without the REGISTRATION certificate doctor fails (test/integration/cli/doctor.test.ts)
    mkdirSync(join(temp.path, 'certs'));
    writeFileSync(join(temp.path, REGISTRATION_CERT_PATH), makeTestPki(Date.now()).regCertPem);
    const r = await cli(['doctor', '--data-dir', temp.path]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, new RegExp(`OK\\s+database\\s+opens with its key, encrypted, schema version ${LATEST_SCHEMA_VERSION}`));
    assert.match(r.out, /OK\s+machine key\s+centre 10001, machine 10002, key index ([0-9a-f]{2}:){31}[0-9a-f]{2}/);
    assert.match(r.out, /OK\s+audit log\s+7 entries/);
  });

  it('doctor fails clearly on a broken key, without a stack trace', async () => {
    writeFileSync(join(temp.path, KEY_DIR, DB_KEY_FILE), 'garbage');
    const r = await cli(['doctor', '--data-dir', temp.path]);
    assert.equal(r.code, 1);
    assert.match(r.out, /FAIL\s+database\s+ERR_DB_KEY_INVALID/);
  });

  it('refuses a plain-http --server (or REGCLIENT_SERVER_URL) to a host other than loopback, naming where it came from', async () => {
    const flag = await cli(['audit', 'verify', '--server', 'http://mosip.example.st', '--data-dir', temp.path]);
    assert.deepEqual([flag.code, flag.out], [1, '']);
    assert.equal(flag.err, 'error ERR_SYNC_SERVER_URL_INSECURE: The server address http://mosip.example.st is refused: it must start with https:// (http:// only for a server on this computer). Ask the administrator for the https address.\n  field: --server\n  rule: plain-http-to-remote-host\n');
    const env = await cli(['audit', 'verify', '--data-dir', temp.path], { REGCLIENT_SERVER_URL: 'http://10.1.2.3:8080' });
    assert.equal(env.code, 1);
    assert.match(env.err, /^error ERR_SYNC_SERVER_URL_INSECURE: The server address http:\/\/10\.1\.2\.3:8080 is refused: .*\n {2}field: REGCLIENT_SERVER_URL\n/);
    for (const server of ['http://127.0.0.1:1', 'http://localhost:1', 'http://[::1]:1', 'https://mosip.example.st']) {
      const ok = await cli(['audit', 'verify', '--server', server, '--data-dir', temp.path]);
      assert.equal(ok.code, 0, `${server}: ${ok.err}`);
    }
  });

  it('prints help and rejects unknown commands with exit 2', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /audit verify\s+verify the audit log hash chain/);
    const unknown = await cli(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
    assert.equal((await cli(['audit', 'verify', '--bogus', '--data-dir', temp.path])).code, 2);
  });

  it('adds an operator with a password from the environment', async () => {
    const r = await cli(['operators', 'add', '--user', 'op7', '--name', 'Op Seven', '--role', 'REGISTRATION_OFFICER', '--data-dir', temp.path], { REGCLIENT_PASSWORD: 'long-enough-pw' });
    assert.equal(r.code, 0, r.err);
    const bad = await cli(['operators', 'add', '--user', 'op 8', '--name', 'x', '--role', 'REGISTRATION_OFFICER', '--data-dir', temp.path], { REGCLIENT_PASSWORD: 'long-enough-pw' });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--user: user id may contain letters/);
  });
});

describe('app start', () => {
  it('removes a crashed build\'s leftover files and says so in the audit log', async () => {
    const { mkdirSync, writeFileSync: write, readdirSync: list } = await import('node:fs');
    const { openTestServices } = await import('../../helpers/openTestDataDir');
    const temp = makeTempDir();
    try {
      mkdirSync(join(temp.path, 'packets'), { recursive: true });
      write(join(temp.path, 'packets', '10001100020000120261122090000.zip.part'), 'half a packet');
      write(join(temp.path, 'packets', '10001100020000220261122090100.zip'), 'never committed');
      const opened = await openTestServices({ dataDir: temp.path });
      try {
        assert.deepEqual(list(join(temp.path, 'packets')), []);
        const removed = opened.services.data.audit.recent(20).filter((e) => e.event === 'PACKET_LEFTOVER_REMOVED').map((e) => e.details.reason);
        assert.deepEqual(removed.sort(), ['partial', 'uncommitted']);
      } finally {
        await opened.close();
      }
    } finally {
      temp.remove();
    }
  });

  it('keeps a packet file with no committed row in quarantine/ and doctor warns with the count and folder', async () => {
    const { mkdirSync, writeFileSync: write, readdirSync: list, readFileSync: read } = await import('node:fs');
    const { openTestServices } = await import('../../helpers/openTestDataDir');
    const temp = makeTempDir();
    try {
      const clean = await cli(['doctor', '--data-dir', temp.path]);
      assert.match(clean.out, /OK\s+quarantine\s+no packet files without a committed row/);
      mkdirSync(join(temp.path, 'packets'), { recursive: true });
      // a packet whose row a power cut rolled back: its receipt may already be in a resident's hand
      const orphan = '10001100020000220261122090100-10001_10002-20261122090100.zip';
      write(join(temp.path, 'packets', orphan), 'the only copy');
      const opened = await openTestServices({ dataDir: temp.path });
      await opened.close();
      assert.deepEqual([list(join(temp.path, 'packets')), list(join(temp.path, 'quarantine'))], [[], [orphan]]);
      assert.equal(read(join(temp.path, 'quarantine', orphan), 'utf8'), 'the only copy');
      // a synced machine, so that the quarantine is the only thing doctor has to say
      mkdirSync(join(temp.path, 'certs'), { recursive: true });
      write(join(temp.path, REGISTRATION_CERT_PATH), makeTestPki(Date.now()).regCertPem);
      const r = await cli(['doctor', '--data-dir', temp.path]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, new RegExp(`WARN\\s+quarantine\\s+1 packet file\\(s\\) without a committed row kept in ${join(temp.path, 'quarantine').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\s+→ a receipt may name them`));
    } finally {
      temp.remove();
    }
  });
});
