import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDataDir } from '../../../electron/host/openDataDir';
import { AuthService } from '../../../electron/services/auth/AuthService';
import { makeTempDir } from '../../helpers/tempDir';
import { runOnTerminal } from './fakeTerminal';

const PASSPHRASE = 'Praia-das-Conchas-2026\r';

/** The backup passphrase at a terminal: typed twice for a backup, once for a restore, never echoed. */
describe('regclient backup and restore: the passphrase prompt', () => {
  const temp = makeTempDir('backup-prompt-');
  const dataDir = join(temp.path, 'client');
  let n = 0;
  const usb = () => {
    const dir = join(temp.path, `usb-${++n}`);
    mkdirSync(dir);
    return dir;
  };
  const backup = (to: string, answers: string[]) => runOnTerminal(['backup', '--to', to, '--data-dir', dataDir], {}, answers);

  before(async () => {
    const data = openDataDir({ dataDir, env: {} });
    try {
      await new AuthService({ db: data.db, audit: data.audit, clock: data.clock }).createOperator({ userId: 'supervisor1', name: 'Supervisora', roles: ['REGISTRATION_SUPERVISOR'], password: 'Supervisor#2026', language: 'por' }, null);
    } finally {
      data.close();
    }
  });
  after(() => temp.remove());

  it('asks twice with echo off, writes the backup, and a restore asks the passphrase, then the supervisor password', async () => {
    const to = usb();
    const run = await backup(to, [PASSPHRASE, PASSPHRASE]);
    assert.equal(run.code, 0, run.err);
    assert.equal(run.err, 'Backup passphrase: \nBackup passphrase again: \n');
    assert.deepEqual(run.rawModes, [true, false, true, false]);
    const [folder] = readdirSync(to);
    const restore = await runOnTerminal(['restore', '--from', join(to, folder!), '--user', 'supervisor1', '--data-dir', join(temp.path, 'restored')], {}, [PASSPHRASE, 'Supervisor#2026\r']);
    assert.equal(restore.code, 0, restore.err);
    assert.equal(restore.err, 'Backup passphrase: \nPassword for supervisor1: \n');
    assert.match(restore.out, /^restored into .*\/restored\n  0 packet\(s\), audit chain of \d+ entries verified, authorised by supervisor1\n/);
  });

  it('refuses two different passphrases, and a short one before asking again; nothing is written', async () => {
    const to = usb();
    const differ = await backup(to, [PASSPHRASE, 'Praia-das-Conchas-2025\r']);
    assert.equal(differ.code, 1);
    assert.match(differ.err, /error ERR_BACKUP_PASSPHRASES_DIFFER/);
    const short = await backup(to, ['curta-demais\u007f\u007f\r']);
    assert.equal(short.code, 1);
    assert.match(short.err, /^Backup passphrase: \nerror ERR_BACKUP_PASSPHRASE_WEAK: The backup passphrase is not accepted: at least 12 characters\. /);
    assert.deepEqual(readdirSync(to), []);
  });

  it('Ctrl-C at the prompt exits 130 and writes nothing', async () => {
    const to = usb();
    const run = await backup(to, ['Praia\u0003']);
    assert.equal(run.code, 130);
    assert.deepEqual(readdirSync(to), []);
  });
});
