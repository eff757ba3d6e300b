import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { BackupStatus } from '../../../schemas/backup';
import type { Reply } from '../../../schemas/api/transport';
import { ManualClock } from '../../../native/time/ManualClock';
import type { AppServices } from '../../../electron/host/createAppServices';
import { verifyBackup } from '../../../electron/services/backup/verifyBackup';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';
import { replyValue } from '../../helpers/replyValue';

const PASSPHRASE = 'Praia-das-Conchas-2026';
/** 2026-11-22 09:00 UTC: the default cron (18:00 UTC) fires 9 hours later */
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

/** Issue 17 item 6: a supervisor schedules backups to a folder; each run is audited and its outcome shown. */
describe('scheduled backups through the Router', () => {
  let services: AppServices;
  let close: () => Promise<void>;
  let clock: ManualClock;
  let usb: { path: string; remove(): void };
  let statuses: BackupStatus[];
  let stop: { dispose(): void };
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const code = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code);
  const value = replyValue;

  let onStatus: (() => void) | undefined;
  /** The first broadcast status after `from` in which a run has finished (awaited, never polled on a timer). */
  function runFinished(from: number): Promise<BackupStatus> {
    return new Promise((resolvePromise) => {
      const check = () => {
        const done = statuses.slice(from).find((s) => !s.running && s.lastRunAt !== null);
        if (done) resolvePromise(done);
        else onStatus = check;
      };
      check();
    });
  }

  beforeEach(async () => {
    clock = new ManualClock(T0);
    ({ services, close } = await openTestServices({ clock }));
    usb = makeTempDir('usb-');
    statuses = [];
    services.hub.connect('watcher', (name, payload) => {
      if (name !== 'backup.onDidChange') return;
      statuses.push(payload as BackupStatus);
      onStatus?.();
    });
    stop = services.backup.start();
    assert.equal(code(await call('sup', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ok');
    assert.equal(code(await call('off', 'auth.login', { userId: 'officer1', password: 'Officer#2026' })), 'ok');
  });
  afterEach(async () => {
    stop.dispose();
    await close();
    chmodSync(usb.path, 0o700);
    usb.remove();
  });

  it('is for supervisors only', async () => {
    assert.equal(code(await call('off', 'backup.configure', { dir: usb.path, passphrase: PASSPHRASE })), 'ERR_AUTH_FORBIDDEN');
    assert.equal(code(await call('off', 'backup.status', {})), 'ERR_AUTH_FORBIDDEN');
    assert.equal(code(await call('off', 'backup.runNow', {})), 'ERR_AUTH_FORBIDDEN');
  });

  it('runs at the cron time, writes a backup the passphrase opens, audits it and shows the last run', async () => {
    const set = value<BackupStatus>(await call('sup', 'backup.configure', { dir: usb.path, passphrase: PASSPHRASE }));
    assert.deepEqual(set, { dir: usb.path, cron: '0 0 18 * * ?', hasPassphrase: true, lastRunAt: null, lastOk: null, lastErrorCode: null, lastBackupDir: null, lastPackets: null, nextRunAt: Date.UTC(2026, 10, 22, 18, 0, 0), running: false });
    const changed = services.data.audit.recent(1)[0]!;
    assert.deepEqual([changed.event, changed.actor, changed.details], ['BACKUP_SCHEDULE_CHANGED', 'supervisor1', { dir: usb.path, cron: '0 0 18 * * ?', passphraseChanged: true }]);
    assert.equal(JSON.stringify(services.data.audit.recent(5)).includes(PASSPHRASE), false, 'the passphrase is never audited');

    const from = statuses.length;
    clock.advance(9 * 3_600_000 - 1);
    assert.equal(statuses.length, from, 'not before 18:00');
    clock.advance(1);
    const done = await runFinished(from);
    const [folder] = readdirSync(usb.path);
    assert.deepEqual(done, { ...set, lastRunAt: Date.UTC(2026, 10, 22, 18, 0, 0), lastOk: true, lastBackupDir: join(usb.path, folder!), lastPackets: 0, nextRunAt: Date.UTC(2026, 10, 23, 18, 0, 0) });
    assert.equal((await verifyBackup(join(usb.path, folder!), PASSPHRASE)).manifest.machine.machineId, services.data.identity.machineId);
    const written = services.data.audit.recent(1)[0]!;
    assert.deepEqual([written.event, written.actor, written.details['scheduled']], ['BACKUP_WRITTEN', null, true]);
    // nine hours on, the session has ended: log in again to read the status
    assert.equal(code(await call('sup', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ok');
    assert.deepEqual(value<BackupStatus>(await call('sup', 'backup.status', {})), done);
  });

  it('records a folder that went away as a failed run, with its code, and leaves nothing behind', async () => {
    const stick = join(usb.path, 'stick');
    mkdirSync(stick);
    value<BackupStatus>(await call('sup', 'backup.configure', { dir: stick, passphrase: PASSPHRASE }));
    rmSync(stick, { recursive: true });
    const status = value<BackupStatus>(await call('sup', 'backup.runNow', {}));
    assert.deepEqual([status.lastOk, status.lastErrorCode, status.lastBackupDir], [false, 'ERR_BACKUP_WRITE_FAILED', null]);
    assert.equal(existsSync(stick), false, 'a missing stick is not turned into a folder on the internal disk');
    const failed = services.data.audit.recent(1)[0]!;
    assert.deepEqual([failed.event, failed.actor, failed.details['code']], ['BACKUP_FAILED', 'supervisor1', 'ERR_BACKUP_WRITE_FAILED']);
  });

  it('refuses a schedule without a passphrase, a short one, a cron Quartz refuses, and a missing folder; nothing is saved', async () => {
    assert.equal(code(await call('sup', 'backup.configure', { dir: usb.path })), 'ERR_BACKUP_NOT_CONFIGURED');
    assert.equal(code(await call('sup', 'backup.configure', { dir: usb.path, passphrase: 'short' })), 'ERR_IPC_INVALID_INPUT');
    assert.equal(code(await call('sup', 'backup.configure', { dir: usb.path, passphrase: PASSPHRASE, cron: '0 0 25 * * ?' })), 'ERR_SYNC_CRON_INVALID');
    assert.equal(code(await call('sup', 'backup.configure', { dir: join(usb.path, 'nope'), passphrase: PASSPHRASE })), 'ERR_BACKUP_WRITE_FAILED');
    assert.deepEqual(value<BackupStatus>(await call('sup', 'backup.status', {})).dir, null);
  });
});
