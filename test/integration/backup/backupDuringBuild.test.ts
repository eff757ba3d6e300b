import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BackupResult } from '../../../schemas/backup';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { ManualClock } from '../../../native/time/ManualClock';
import { openDataDir, type OpenedDataDir } from '../../../electron/host/openDataDir';
import { AuthService } from '../../../electron/services/auth/AuthService';
import { listPackets } from '../../../electron/services/db/repos/packets';
import { nodeDurableFs, type DurableFs } from '../../../electron/services/packets/durableFile';
import { runPacketBuild } from '../../../electron/services/packets/packetBuildJob';
import { PacketService } from '../../../electron/services/packets/PacketService';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { makeTestPki } from '../../helpers/packetKeys';
import { makeTempDir } from '../../helpers/tempDir';
import { runCliProcess } from '../cli/runCliProcess';
import { fixedIdSchema } from '../../../electron/services/packets/IdSchemaProvider';
import { fixedRegistrationCert } from '../../../electron/services/packets/RegistrationCertProvider';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { packetRequest } from '../../helpers/packetRequest';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const PASSPHRASE = 'Praia-das-Conchas-2026';
const pki = makeTestPki(NOW);

/** A gate a test opens when it is ready: the held step waits on it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/**
 * Issue 17 item 6: a backup taken while a packet is being built restores to a consistent state.
 * The build is held after its file is linked into `packets/` and before its row commits (its
 * temp `.part` still there): the riskiest moment, where a copy of the folder alone would hold a
 * packet file no row knows, or half a file.
 */
describe('a backup taken during a packet build', () => {
  const temp = makeTempDir();
  const dataDir = join(temp.path, 'client');
  const clock = new ManualClock(NOW);
  let data: OpenedDataDir;

  const service = (fs: DurableFs) =>
    new PacketService({
      db: data.db, audit: data.audit, clock, packetsDir: join(dataDir, 'packets'), builder: runPacketBuild, idSchemas: fixedIdSchema(parseIdSchema(SAMPLE_ID_SCHEMA)),
      regCert: fixedRegistrationCert(pki.regCertPem), machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: 'test', hostIp: '127.0.0.1' }, fs,
    });

  before(async () => {
    data = openDataDir({ dataDir, env: {}, clock });
    await new AuthService({ db: data.db, audit: data.audit, clock }).createOperator({ userId: 'supervisor1', name: 'Supervisora', roles: ['REGISTRATION_SUPERVISOR'], password: 'Supervisor#2026', language: 'por' }, null);
  });
  after(() => {
    data.close();
    temp.remove();
  });

  it('holds the committed packets with their files, and neither the file nor the row of the build in flight', async () => {
    const committed = await service(nodeDurableFs).build(packetRequest('draft-1', sampleRegistration({ now: NOW }), 'officer1'));
    const linked = gate();
    const release = gate();
    const held: DurableFs = {
      ...nodeDurableFs,
      async link(existing, newPath) {
        await nodeDurableFs.link(existing, newPath);
        linked.open();
      },
      // the temp name is removed after the link: held here, both names are on disk and no row yet
      async unlink(path) {
        await release.wait;
        await nodeDurableFs.unlink(path);
      },
    };
    const inFlight = service(held).build(packetRequest('draft-2', sampleRegistration({ now: NOW }), 'officer1'));
    await linked.wait;
    const onDisk = readdirSync(join(dataDir, 'packets'));
    assert.equal(onDisk.length, 3, `the committed file, the linked file and its .part: ${onDisk.join(', ')}`);

    mkdirSync(join(temp.path, 'usb'));
    const backup = await runCliProcess(['backup', '--to', join(temp.path, 'usb'), '--data-dir', dataDir, '--json'], { REGCLIENT_BACKUP_PASSPHRASE: PASSPHRASE });
    release.open();
    const second = await inFlight;
    assert.equal(backup.code, 0, backup.err);
    const written = JSON.parse(backup.out) as BackupResult;
    assert.deepEqual(readdirSync(join(written.dir, 'packets')), [`${committed.packetId}.zip`]);

    const restoredDir = join(temp.path, 'restored');
    const restore = await runCliProcess(['restore', '--from', written.dir, '--user', 'supervisor1', '--data-dir', restoredDir], { REGCLIENT_BACKUP_PASSPHRASE: PASSPHRASE, REGCLIENT_PASSWORD: 'Supervisor#2026' });
    assert.equal(restore.code, 0, restore.out + restore.err);
    const restored = openDataDir({ dataDir: restoredDir, env: {}, clock });
    try {
      const rows = listPackets(restored.db).map((r) => [r.file_name, r.sha256.toLowerCase()]);
      const files = readdirSync(join(restoredDir, 'packets')).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(restoredDir, 'packets', f))).digest('hex')]);
      assert.deepEqual(files, rows, 'every row has its whole file and every file its row');
      assert.deepEqual(rows.map(([f]) => f), [`${committed.packetId}.zip`]);
      assert.equal(rows.some(([f]) => f === `${second.packetId}.zip`), false);
      assert.equal(restored.audit.verify().ok, true);
    } finally {
      restored.close();
    }
  });
});
