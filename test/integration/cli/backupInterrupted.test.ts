import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDataDir } from '../../../electron/host/openDataDir';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { makeTempDir } from '../../helpers/tempDir';
import { runCliProcess } from './runCliProcess';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * A backup that fails half-way (here: the second packet file cannot be read) leaves nothing in the
 * target folder that could be taken for a backup, and says why. As root a chmod blocks nothing, so
 * the CLI then runs as `nobody`, with the data dir handed to it and one packet file kept from it.
 */
describe('regclient backup interrupted half-way', () => {
  const temp = makeTempDir('backup-cut-');
  after(() => {
    chmodSync(temp.path, 0o700);
    temp.remove();
  });

  function addPacket(data: ReturnType<typeof openDataDir>, id: string): string {
    const bytes = randomBytes(2048);
    const file = join(data.dataDir, 'packets', `${id}.zip`);
    writeFileSync(file, bytes, { mode: 0o600 });
    insertPacketWithJob(data.db, { packet_id: id, rid: `1000110002000${id === 'a1' ? 1 : 2}20261122090000`, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${id}.zip`, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex').toUpperCase(), status: 'CREATED', meta: '{}', created_at: Date.UTC(2026, 10, 22) });
    return file;
  }

  it('exits 1 with ERR_BACKUP_WRITE_FAILED, leaves no folder, not even a .partial one, and audits the failure', async () => {
    const dataDir = join(temp.path, 'client');
    const usb = join(temp.path, 'usb');
    mkdirSync(usb);
    const data = openDataDir({ dataDir, env: {} });
    mkdirSync(join(dataDir, 'packets'));
    addPacket(data, 'a1');
    const unreadable = addPacket(data, 'b2');
    data.close();
    if (isRoot) {
      chmodSync(temp.path, 0o711);
      for (const entry of [dataDir, usb, ...readdirSync(dataDir, { recursive: true }).map((e) => join(dataDir, String(e)))]) chownSync(entry, NOBODY, NOBODY);
      chownSync(unreadable, 0, 0);
    } else {
      chmodSync(unreadable, 0o000);
    }
    const run = await runCliProcess(['backup', '--to', usb, '--data-dir', dataDir, '--json'], { REGCLIENT_BACKUP_PASSPHRASE: 'Praia-das-Conchas-2026' }, isRoot ? { uid: NOBODY } : {});
    assert.equal(run.code, 1, run.out + run.err);
    const { error } = JSON.parse(run.out) as { error: { code: string; details: { path: string; reason: string } } };
    assert.deepEqual(error.details, { path: usb, reason: 'EACCES' });
    assert.equal(error.code, 'ERR_BACKUP_WRITE_FAILED');
    assert.deepEqual(readdirSync(usb), [], 'no backup folder and no .partial folder');
    if (isRoot) chownSync(unreadable, NOBODY, NOBODY);
    else chmodSync(unreadable, 0o600);
    const reopened = openDataDir({ dataDir, env: {} });
    try {
      const failed = reopened.audit.recent(5).find((e) => e.event === 'BACKUP_FAILED');
      assert.deepEqual(failed?.details, { dir: usb, code: 'ERR_BACKUP_WRITE_FAILED', scheduled: false });
    } finally {
      reopened.close();
    }
  });
});
