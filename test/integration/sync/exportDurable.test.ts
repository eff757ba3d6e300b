import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { findOutbox } from '../../../electron/services/db/repos/outbox';
import { nodeExportFs, type ExportFs } from '../../../electron/services/sync/outbox/exportDestination';
import { PacketExportService, verifyExport } from '../../../electron/services/sync/outbox/PacketExportService';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';
import { approveAll, makeOutbox, seedPackets } from './outboxBed';

/** Export destination rules, the durable write order, and what an exported packet may still do. */
describe('export: destination checks, durable writes, and exported packets still upload or requeue', () => {
  const s = useSimBed({ client: 'once', downSynced: true });
  let nextSequence = 1;

  const exporter = (fs?: ExportFs) =>
    new PacketExportService({ db: s.client.db, audit: new AuditLog(s.client.db, s.bed.clock), clock: s.bed.clock, packetsDir: join(s.client.dataDir, 'packets'), machineKey: s.bed.machineKey, centreId: '10001', machineId: '10002', ...(fs ? { fs } : {}) });
  const approved = async (count: number): Promise<string[]> => {
    const rids = await seedPackets({ db: s.client.db, dataDir: s.client.dataDir, sim: s.bed.sim, machineKey: s.bed.machineKey, now: s.bed.clock.now(), count, firstSequence: nextSequence });
    nextSequence += count;
    approveAll(s.client.db, s.bed.clock, rids);
    return rids;
  };
  const states = (rids: readonly string[]) => rids.map((rid) => findOutbox(s.client.db, rid)?.state);
  const usb = () => mkdtempSync(join(s.bed.dir, 'usb-'));

  it('refuses a missing folder, a file, a folder inside the data dir (also through a link) and an unwritable one, each with its code, writing nothing', async () => {
    const rids = await approved(1);
    const missing = join(s.bed.dir, 'no-such-stick');
    await rejectsWithCode(exporter().export(missing, 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_MISSING', { field: 'dir', dir: missing });
    assert.equal(readdirSync(s.bed.dir).includes('no-such-stick'), false, 'the folder is not created');
    const file = join(usb(), 'a-file');
    writeFileSync(file, 'x');
    await rejectsWithCode(exporter().export(file, 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY', { field: 'dir', dir: file });
    await rejectsWithCode(exporter().export(join(file, 'usb'), 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY', { field: 'dir', dir: join(file, 'usb') });
    const inside = join(s.client.dataDir, 'exports');
    mkdirSync(inside);
    await rejectsWithCode(exporter().export(inside, 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_IN_DATA_DIR', { field: 'dir', dir: inside, dataDir: s.client.dataDir });
    await rejectsWithCode(exporter().export(s.client.dataDir, 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_IN_DATA_DIR', { field: 'dir', dir: s.client.dataDir, dataDir: s.client.dataDir });
    const link = join(usb(), 'looks-like-a-stick');
    symlinkSync(inside, link);
    await rejectsWithCode(exporter().export(link, 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_IN_DATA_DIR', { field: 'dir', dir: link, dataDir: s.client.dataDir });
    assert.deepEqual(readdirSync(inside), [], 'not even a probe file inside the data dir');
    // a sibling whose name starts with the data dir's is outside it
    const sibling = `${s.client.dataDir}-usb`;
    mkdirSync(sibling);
    // The tests run as root, which mode bits do not stop: a read-only medium is simulated at the fs seam.
    const readOnly: ExportFs = { ...nodeExportFs, writeFile: async (path) => Promise.reject(Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS' })) };
    await rejectsWithCode(exporter(readOnly).export(sibling, 'supervisor1'), 'ERR_SYNC_EXPORT_DIR_NOT_WRITABLE', { field: 'dir', dir: sibling, reason: 'EROFS' });
    assert.deepEqual([states(rids), readdirSync(sibling)], [['READY'], []]);
    const done = await exporter().export(sibling, 'supervisor1');
    assert.deepEqual([done.rids, states(rids)], [rids, ['EXPORTED']]);
  });

  it('writes each file under a temp name, fsyncs it, renames it, fsyncs the folder, and only then marks the packets EXPORTED', async () => {
    const rids = await approved(2);
    const dir = usb();
    const ops: string[] = [];
    const recorded: ExportFs = {
      copyFile: async (from, to) => (ops.push(`copy ${basename(to)}`), nodeExportFs.copyFile(from, to)),
      writeFile: async (path, bytes) => (ops.push(`write ${basename(path)}`), nodeExportFs.writeFile(path, bytes)),
      syncFile: async (path) => (ops.push(`fsync ${basename(path)}`), nodeExportFs.syncFile(path)),
      rename: async (from, to) => (ops.push(`rename ${basename(from)} ${basename(to)}`), nodeExportFs.rename(from, to)),
      unlink: async (path) => (ops.push(`unlink ${basename(path)}`), nodeExportFs.unlink(path)),
      syncDir: async (path) => {
        ops.push(`fsync-dir ${path === dir ? 'usb' : path}`);
        assert.deepEqual(states(rids), ['READY', 'READY'], 'not yet EXPORTED when the folder is synced');
        return nodeExportFs.syncDir(path);
      },
    };
    await exporter(recorded).export(dir, 'supervisor1');
    const files = rids.map((rid) => findOutbox(s.client.db, rid)!.fileName);
    const place = (name: string, how: 'copy' | 'write') => [`${how} ${name}.part`, `fsync ${name}.part`, `rename ${name}.part ${name}`];
    assert.match(ops[0]!, /^write \.regclient-write-probe-[0-9a-f]{8}$/);
    assert.match(ops[1]!, /^unlink \.regclient-write-probe-[0-9a-f]{8}$/);
    assert.deepEqual(ops.slice(2), [...files.flatMap((f) => place(f, 'copy')), ...place('manifest.json', 'write'), ...place('manifest.json.sig', 'write'), 'fsync-dir usb']);
    assert.deepEqual(states(rids), ['EXPORTED', 'EXPORTED']);
    assert.deepEqual((await verifyExport(dir, s.bed.machineKey.publicKey)).packets.map((p) => p.rid), rids);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.part') || n.startsWith('.regclient')), []);
  });

  it('leaves the packets in the outbox (not EXPORTED, nothing audited) when the folder cannot be synced', async () => {
    const rids = await approved(1);
    const pending = findOutbox(s.client.db, rids[0]!)!;
    const audited = () => new AuditLog(s.client.db, s.bed.clock).recent(200).filter((e) => e.event === 'PACKET_EXPORTED' && e.details.rid === rids[0]).length;
    const failing: ExportFs = { ...nodeExportFs, syncDir: async () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })) };
    const dir = usb();
    await rejectsWithCode(exporter(failing).export(dir, 'supervisor1'), 'ERR_SYNC_EXPORT_FAILED', { dir, reason: 'EIO: i/o error, fsync' });
    assert.deepEqual([states(rids), audited()], [[pending.state], 0]);
  });

  it('uploads an exported packet when the centre is online, without sending again one an administrator already uploaded', async () => {
    const outbox = makeOutbox(s.client, s.bed.sim, s.bed.clock);
    await outbox.run(); // the earlier tests' packets go first
    const rids = await approved(2);
    await exporter().export(usb(), 'supervisor1');
    assert.deepEqual(states(rids), ['EXPORTED', 'EXPORTED']);
    // the administrator's bulk upload of the first one from the USB copy (RID sync + upload, as in exportReconcile)
    const regproc = new RegProcClient({ http: s.client.service.http, clock: s.bed.clock, refId: '10001_10002', registrationCertPem: s.bed.sim.pki.registration('10001_10002').certPem });
    const first = findOutbox(s.client.db, rids[0]!)!;
    await regproc.syncPackets([{ registrationId: first.rid, packetId: first.packetId, additionalInfoReqId: null, registrationType: 'NEW', packetHashValue: first.sha256, packetSize: first.size, supervisorStatus: 'APPROVED', supervisorComment: null, langCode: 'por' }]);
    await regproc.uploadPacket(join(s.client.dataDir, 'packets', first.fileName));
    const run = await outbox.run();
    assert.equal(run.stoppedBy, null);
    assert.deepEqual([run.synced, run.uploaded], [[rids[1]], [rids[1]]]);
    assert.deepEqual(states(rids), ['UPLOADED', 'UPLOADED']);
    const stats = (await admin(s.bed.sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; uploaded: number }> };
    assert.deepEqual(rids.map((rid) => Object.values(stats.packets).find((p) => p.registrationId === rid)?.uploaded), [1, 1], 'each packet reached the server once');
  });

  it('requeues an exported packet (supervisor action), which then syncs and uploads; a packet in another state is refused', async () => {
    const outbox = makeOutbox(s.client, s.bed.sim, s.bed.clock);
    const [rid] = await approved(1);
    await exporter().export(usb(), 'supervisor1');
    const requeued = outbox.requeue(findOutbox(s.client.db, rid!)!.packetId, 'supervisor1');
    assert.deepEqual([requeued.rid, requeued.state], [rid, 'READY']);
    await rejectsWithCode((async () => outbox.requeue(requeued.packetId, 'supervisor1'))(), 'ERR_SYNC_PACKET_ALREADY_DECIDED', { rid, state: 'READY' });
    const run = await outbox.run();
    assert.deepEqual([run.synced, run.uploaded, states([rid!])], [[rid], [rid], ['UPLOADED']]);
  });
});
