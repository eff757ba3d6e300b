import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BackupResult, RestoreResult } from '../../../schemas/backup';
import type { OutboxItem } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { systemClock } from '../../../native/time/Clock';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin } from '../sync/syncTestBed';
import { runCliCaptured, startCliBed } from '../sync/cliTestBed';
import { runCliProcess } from './runCliProcess';

const PASSPHRASE = 'Praia-das-Conchas-2026';

/**
 * Issue 17 item 6: a machine lost after its backup is restored on a new install, and its end of
 * day sends what the server lacks exactly once, as the simulator counts uploads.
 */
describe('regclient backup, restore, then end of day', () => {
  let dir: string;
  let sim: MosipSimulator;
  let dataDir: string;
  const as = (password: string, argv: string[], at = dataDir) => runCliCaptured(at, sim.url, argv, password);

  async function buildApproved(count: number, at = dataDir): Promise<string[]> {
    const rids: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = await as('Officer#2026', ['packet', 'build', '--input', join(dir, 'input.json')], at);
      assert.equal(r.code, 0, r.err);
      rids.push((JSON.parse(r.out) as { rid: string }).rid);
    }
    assert.equal((await as('Supervisor#2026', ['packets', 'approve', ...rids, '--user', 'supervisor1'], at)).code, 0);
    return rids;
  }

  async function uploadsAtServer(): Promise<Map<string, number>> {
    const stats = (await admin(sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; uploaded: number }> };
    return new Map(Object.values(stats.packets).map((p) => [p.registrationId, p.uploaded]));
  }

  before(async () => {
    ({ dir, sim, dataDir } = await startCliBed('backup-eod-'));
    assert.equal((await as('Supervisor#2026', ['operators', 'add', '--user', 'supervisor1', '--name', 'Supervisora', '--role', 'REGISTRATION_SUPERVISOR'])).code, 0);
    assert.equal((await as('Officer#2026', ['sync', '--user', 'officer1', '--initial', '--machine-name', 'stp-laptop-10002'])).code, 0);
    writeFileSync(join(dir, 'input.json'), JSON.stringify(sampleRegistration({ now: systemClock.now() })));
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads each packet exactly once: synced before the backup, synced after it, and never synced', async () => {
    const before = await buildApproved(2);
    assert.equal((await as('Officer#2026', ['sync', '--eod', '--user', 'officer1'])).code, 0);
    const inBackup = await buildApproved(3);
    const backup = await runCliProcess(['backup', '--to', dir, '--data-dir', dataDir, '--json'], { REGCLIENT_BACKUP_PASSPHRASE: PASSPHRASE });
    assert.equal(backup.code, 0, backup.err);
    const written = JSON.parse(backup.out) as BackupResult;
    assert.equal(written.packets, 5);
    // the old machine sends its day after the backup, then is lost: the backup does not know
    assert.equal((await as('Officer#2026', ['sync', '--eod', '--user', 'officer1'])).code, 0);
    const lostAfterBackup = await buildApproved(1);
    rmSync(dataDir, { recursive: true, force: true });

    const restored = join(dir, 'new-laptop');
    const restore = await runCliProcess(['restore', '--from', written.dir, '--user', 'supervisor1', '--data-dir', restored, '--json'], { REGCLIENT_BACKUP_PASSPHRASE: PASSPHRASE, REGCLIENT_PASSWORD: 'Supervisor#2026' });
    assert.equal(restore.code, 0, restore.err);
    assert.deepEqual({ ...(JSON.parse(restore.out) as RestoreResult), from: '', dataDir: '', backupCreatedAt: 0, auditEntries: 0 }, { from: '', dataDir: '', backupCreatedAt: 0, auditEntries: 0, packets: 5, restoredBy: 'supervisor1' });
    // a packet the new laptop builds joins the same outbox
    const afterRestore = await buildApproved(1, restored);
    const eod = await as('Officer#2026', ['sync', '--eod', '--user', 'officer1', '--json'], restored);
    assert.equal(eod.code, 0, eod.out + eod.err);

    const uploads = await uploadsAtServer();
    const expected = [...before, ...inBackup, ...afterRestore];
    assert.deepEqual(expected.map((rid) => [rid, uploads.get(rid)]), expected.map((rid) => [rid, 1]), '0 lost, 0 duplicated');
    assert.equal(uploads.has(lostAfterBackup[0]!), false, 'built after the backup on the lost machine: not in the backup, never sent');
    const items = (JSON.parse((await as('Officer#2026', ['packets', 'list', '--json', '--limit', '500'], restored)).out) as Page<OutboxItem>).items;
    assert.deepEqual(items.filter((i) => i.state !== 'UPLOADED' && i.state !== 'DONE').map((i) => [i.rid, i.state]), []);
  });
});
