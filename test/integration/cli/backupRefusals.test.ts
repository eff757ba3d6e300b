import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BackupResult } from '../../../schemas/backup';
import { BackupKeysFile, BackupManifest } from '../../../schemas/backup';
import { systemClock } from '../../../native/time/Clock';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { deriveBackupSecret } from '../../../electron/services/backup/backupSecret';
import { sealManifest } from '../../../electron/services/backup/backupManifest';
import { hashFile } from '../../../electron/services/backup/backupFiles';
import { openBackupKeys } from '../../../electron/services/backup/backupKeysFile';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { runCliCaptured, startCliBed, type CliRun } from '../sync/cliTestBed';
import { runCliProcess } from './runCliProcess';

const PASSPHRASE = 'Praia-das-Conchas-2026';

/** Issue 17 item 6: a corrupted backup is refused with its reason, each its own code, and nothing is restored. */
describe('regclient restore refuses a damaged backup', () => {
  let dir: string;
  let sim: MosipSimulator;
  let dataDir: string;
  let good: string;
  let n = 0;
  const as = (password: string, argv: string[]) => runCliCaptured(dataDir, sim.url, argv, password);

  /** A fresh copy of the good backup for one case to damage. */
  function copyOfBackup(): string {
    const copy = join(dir, `case-${++n}`);
    cpSync(good, copy, { recursive: true });
    return copy;
  }

  async function restore(from: string, env: Readonly<{ passphrase?: string; password?: string; user?: string }> = {}, target = join(dir, `target-${++n}`)): Promise<CliRun & { target: string }> {
    const run = await runCliProcess(['restore', '--from', from, '--user', env.user ?? 'supervisor1', '--data-dir', target, '--json'], {
      REGCLIENT_BACKUP_PASSPHRASE: env.passphrase ?? PASSPHRASE,
      REGCLIENT_PASSWORD: env.password ?? 'Supervisor#2026',
    });
    return { ...run, target };
  }

  function refusal(run: CliRun): { code: string; details: Record<string, unknown> } {
    assert.equal(run.code, 1, run.out + run.err);
    return (JSON.parse(run.out) as { error: { code: string; details: Record<string, unknown> } }).error;
  }

  function flipByte(path: string, at: number): void {
    const bytes = readFileSync(path);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(path, bytes);
  }

  const packetFiles = (backup: string) => readdirSync(join(backup, 'packets'));

  before(async () => {
    ({ dir, sim, dataDir } = await startCliBed('backup-refuse-'));
    assert.equal((await as('Supervisor#2026', ['operators', 'add', '--user', 'supervisor1', '--name', 'Supervisora', '--role', 'REGISTRATION_SUPERVISOR'])).code, 0);
    assert.equal((await as('Officer#2026', ['operators', 'add', '--user', 'officer9', '--name', 'Oficial', '--role', 'REGISTRATION_OFFICER'])).code, 0);
    assert.equal((await as('Officer#2026', ['sync', '--user', 'officer1', '--initial', '--machine-name', 'stp-laptop-10002'])).code, 0);
    writeFileSync(join(dir, 'input.json'), JSON.stringify(sampleRegistration({ now: systemClock.now() })));
    for (let i = 0; i < 2; i++) assert.equal((await as('Officer#2026', ['packet', 'build', '--input', join(dir, 'input.json')])).code, 0);
    mkdirSync(join(dir, 'usb'));
    const backup = await runCliProcess(['backup', '--to', join(dir, 'usb'), '--data-dir', dataDir, '--json'], { REGCLIENT_BACKUP_PASSPHRASE: PASSPHRASE });
    assert.equal(backup.code, 0, backup.err);
    good = (JSON.parse(backup.out) as BackupResult).dir;
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds nothing in the clear: the database copy is not SQLite plain text and keys.json holds no key', () => {
    assert.notEqual(readFileSync(join(good, 'regclient.db')).subarray(0, 15).toString('latin1'), 'SQLite format 3');
    const keys = readFileSync(join(good, 'keys.json'), 'utf8');
    const dbKey = readFileSync(join(dataDir, 'keys', 'db-key.wrapped'), 'utf8');
    assert.equal(keys.includes((JSON.parse(dbKey) as { data: string }).data), false);
    assert.deepEqual(Object.keys(BackupKeysFile.parse(JSON.parse(keys))), ['format', 'version', 'kdf', 'sealed']);
  });

  it('restores the good backup into an empty folder (the cases below differ from it by one fault)', async () => {
    const empty = join(dir, 'empty-target');
    mkdirSync(empty);
    const run = await restore(good, {}, empty);
    assert.equal(run.code, 0, run.out + run.err);
    assert.equal(existsSync(join(run.target, 'regclient.db')), true);
    assert.deepEqual(readdirSync(join(run.target, 'packets')).sort(), packetFiles(good).sort());
  });

  it('a flipped byte in a packet: ERR_BACKUP_PACKET_CORRUPT naming the file, nothing restored', async () => {
    const copy = copyOfBackup();
    const file = packetFiles(copy)[0]!;
    flipByte(join(copy, 'packets', file), 100);
    const run = await restore(copy);
    assert.deepEqual(refusal(run), { ...refusal(run), code: 'ERR_BACKUP_PACKET_CORRUPT', details: { file: `packets/${file}`, reason: 'its SHA-256 differs from the manifest' } });
    assert.equal(existsSync(run.target), false);
  });

  it('a flipped byte in the database copy: ERR_BACKUP_DB_CORRUPT', async () => {
    const copy = copyOfBackup();
    flipByte(join(copy, 'regclient.db'), 5000);
    const error = refusal(await restore(copy));
    assert.deepEqual(error.code, 'ERR_BACKUP_DB_CORRUPT');
    assert.equal(error.details['file'], 'regclient.db');
  });

  it('a missing packet file: ERR_BACKUP_FILE_MISSING', async () => {
    const copy = copyOfBackup();
    const file = packetFiles(copy)[1]!;
    unlinkSync(join(copy, 'packets', file));
    const error = refusal(await restore(copy));
    assert.deepEqual([error.code, error.details], ['ERR_BACKUP_FILE_MISSING', { file: `packets/${file}` }]);
  });

  it('a wrong passphrase: ERR_BACKUP_WRONG_PASSPHRASE', async () => {
    const error = refusal(await restore(good, { passphrase: 'Praia-das-Conchas-2025' }));
    assert.equal(error.code, 'ERR_BACKUP_WRONG_PASSPHRASE');
  });

  it('a truncated manifest: ERR_BACKUP_MANIFEST_INVALID before any passphrase is tried', async () => {
    const copy = copyOfBackup();
    const text = readFileSync(join(copy, 'manifest.json'), 'utf8');
    writeFileSync(join(copy, 'manifest.json'), text.slice(0, Math.floor(text.length / 2)));
    const error = refusal(await restore(copy, { passphrase: 'not-the-passphrase' }));
    assert.deepEqual([error.code, error.details['reason']], ['ERR_BACKUP_MANIFEST_INVALID', 'not complete JSON (truncated?)']);
  });

  it('a manifest rewritten to match an altered packet, without the passphrase: ERR_BACKUP_MANIFEST_INVALID (its MAC)', async () => {
    const copy = copyOfBackup();
    const file = packetFiles(copy)[0]!;
    flipByte(join(copy, 'packets', file), 100);
    const manifest = BackupManifest.parse(JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')));
    const actual = await hashFile(join(copy, 'packets', file));
    const files = manifest.files.map((f) => (f.path === `packets/${file}` ? { ...f, ...actual } : f));
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, files }));
    const error = refusal(await restore(copy));
    assert.equal(error.code, 'ERR_BACKUP_MANIFEST_INVALID');
    assert.match(String(error.details['reason']), /not sealed by this backup's passphrase/);
  });

  it('a folder an interrupted backup left (no manifest): ERR_BACKUP_NOT_A_BACKUP', async () => {
    const copy = copyOfBackup();
    unlinkSync(join(copy, 'manifest.json'));
    assert.equal(refusal(await restore(copy)).code, 'ERR_BACKUP_NOT_A_BACKUP');
  });

  it('a data dir that has data: ERR_BACKUP_TARGET_NOT_EMPTY, and what was there is untouched', async () => {
    const target = join(dir, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'regclient.db'), 'someone else\'s data');
    const error = refusal(await restore(good, {}, target));
    assert.deepEqual([error.code, error.details], ['ERR_BACKUP_TARGET_NOT_EMPTY', { path: target, found: 'regclient.db' }]);
    assert.equal(readFileSync(join(target, 'regclient.db'), 'utf8'), 'someone else\'s data');
  });

  it('an officer, or a supervisor with a wrong password, does not authorise a restore', async () => {
    const officer = await restore(good, { user: 'officer9', password: 'Officer#2026' });
    assert.deepEqual(refusal(officer), { ...refusal(officer), code: 'ERR_BACKUP_NOT_SUPERVISOR', details: { userId: 'officer9' } });
    assert.equal(existsSync(officer.target), false);
    assert.equal(refusal(await restore(good, { password: 'Supervisor#2025' })).code, 'ERR_AUTH_WRONG_PASSWORD');
  });

  it('an audit entry edited by someone with the passphrase and the database key: ERR_BACKUP_AUDIT_BROKEN', async () => {
    const copy = copyOfBackup();
    const { keys } = await openBackupKeys(readFileSync(join(copy, 'keys.json'), 'utf8'), 'keys.json', PASSPHRASE);
    // an insider: the copy opened with its key, the append-only trigger dropped, one entry edited
    const db = openDatabase(join(copy, 'regclient.db'), keys.dbKey);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`).run();
    db.pragma('journal_mode = DELETE');
    db.close();
    const manifest = BackupManifest.parse(JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')));
    const kdf = BackupKeysFile.parse(JSON.parse(readFileSync(join(copy, 'keys.json'), 'utf8'))).kdf;
    const dbHash = await hashFile(join(copy, 'regclient.db'));
    const { mac: _mac, ...body } = { ...manifest, files: manifest.files.map((f) => (f.kind === 'database' ? { ...f, ...dbHash } : f)) };
    writeFileSync(join(copy, 'manifest.json'), sealManifest(await deriveBackupSecret(PASSPHRASE, kdf), body));
    const error = refusal(await restore(copy));
    assert.deepEqual([error.code, error.details], ['ERR_BACKUP_AUDIT_BROKEN', { seq: 2, reason: 'entry 2 was modified after it was written' }]);
  });

  // last: it removes a packet file from the machine itself
  it('a packet file already lost on the machine does not stop the backup; it is named, and the restored machine has the same row without a file', async () => {
    const file = packetFiles(good)[0]!;
    unlinkSync(join(dataDir, 'packets', file));
    const backup = await runCliProcess(['backup', '--to', join(dir, 'usb'), '--data-dir', dataDir], { REGCLIENT_BACKUP_PASSPHRASE: PASSPHRASE });
    assert.equal(backup.code, 0, backup.err);
    assert.match(backup.out, new RegExp(`^  NOT in the backup \\(already missing on this machine\\): packets/${file.replace('.', '\\.')}$`, 'm'));
    const dirOf = backup.out.split('\n')[0]!.replace('backup written: ', '');
    assert.deepEqual(BackupManifest.parse(JSON.parse(readFileSync(join(dirOf, 'manifest.json'), 'utf8'))).missingPackets, [`packets/${file}`]);
    const run = await restore(dirOf);
    assert.equal(run.code, 0, run.out + run.err);
    assert.deepEqual(readdirSync(join(run.target, 'packets')), packetFiles(good).filter((f) => f !== file));
  });
});
