import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { findOutbox } from '../../../electron/services/db/repos/outbox';
import { PacketExportService, verifyExport, MANIFEST_FILE, SIGNATURE_FILE } from '../../../electron/services/sync/outbox/PacketExportService';
import { RetentionService } from '../../../electron/services/sync/outbox/RetentionService';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';
import { approveAll, makeOutbox, seedPackets } from './outboxBed';

describe('export to USB, reconcile and retention', () => {
  const s = useSimBed({ client: 'once', downSynced: true });

  const exporter = () =>
    new PacketExportService({ db: s.client.db, audit: new AuditLog(s.client.db, s.bed.clock), clock: s.bed.clock, packetsDir: join(s.client.dataDir, 'packets'), machineKey: s.bed.machineKey, centreId: '10001', machineId: '10002' });

  it('exports approved packets with a manifest signed by the machine key, verified by us and by openssl; tampering is caught', async () => {
    const rids = await seedPackets({ db: s.client.db, dataDir: s.client.dataDir, sim: s.bed.sim, machineKey: s.bed.machineKey, now: s.bed.clock.now(), count: 3, firstSequence: 1 });
    approveAll(s.client.db, s.bed.clock, rids.slice(0, 2)); // the third still waits for the supervisor
    const usb = mkdtempSync(join(s.bed.dir, 'usb-'));
    const result = await exporter().export(usb, 'supervisor1');
    assert.deepEqual([result.rids, result.skipped], [rids.slice(0, 2), []]);
    const manifest = await verifyExport(usb, s.bed.machineKey.publicKey);
    assert.deepEqual(manifest.packets.map((p) => [p.rid, p.supervisorStatus, p.sha256]), rids.slice(0, 2).map((rid) => [rid, 'APPROVED', findOutbox(s.client.db, rid)!.sha256]));
    writeFileSync(join(usb, 'pub.pem'), s.bed.machineKey.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(usb, 'sig.bin'), Buffer.from(readFileSync(join(usb, SIGNATURE_FILE), 'utf8').trim(), 'base64'));
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-verify', join(usb, 'pub.pem'), '-signature', join(usb, 'sig.bin'), join(usb, MANIFEST_FILE)]).toString();
    assert.match(openssl, /Verified OK/);
    assert.deepEqual(rids.map((rid) => findOutbox(s.client.db, rid)?.state), ['EXPORTED', 'EXPORTED', 'PENDING']);
    appendFileSync(join(usb, manifest.packets[0]!.fileName), 'x');
    await rejectsWithCode(verifyExport(usb), 'ERR_SYNC_MANIFEST_INVALID', { dir: usb, reason: `${manifest.packets[0]!.fileName}: hash mismatch` });
    writeFileSync(join(usb, MANIFEST_FILE), readFileSync(join(usb, MANIFEST_FILE), 'utf8').replace('"APPROVED"', '"REJECTED"'));
    await rejectsWithCode(verifyExport(usb), 'ERR_SYNC_MANIFEST_INVALID', { dir: usb, reason: 'signature does not match the manifest' });
  });

  it('reconciles exported packets once an administrator uploaded them, then deletes processed files after the retention days', async () => {
    const exported = makeOutbox(s.client, s.bed.sim, s.bed.clock).list({ state: 'EXPORTED' }).items.map((i) => i.rid);
    assert.equal(exported.length, 2);
    const outbox = makeOutbox(s.client, s.bed.sim, s.bed.clock);
    const before = await outbox.pollStatuses();
    assert.deepEqual(before.statusUpdated, [], 'unknown to the server: stays EXPORTED');
    // The administrator's bulk upload: RID sync + upload done server-side (here by a plain RegProcClient).
    const regproc = new RegProcClient({ http: s.client.service.http, clock: s.bed.clock, refId: '10001_10002', registrationCertPem: s.bed.sim.pki.registration('10001_10002').certPem });
    const first = findOutbox(s.client.db, exported[0]!)!;
    await regproc.syncPackets([{ registrationId: first.rid, packetId: first.packetId, additionalInfoReqId: null, registrationType: 'NEW', packetHashValue: first.sha256, packetSize: first.size, supervisorStatus: 'APPROVED', supervisorComment: null, langCode: 'por' }]);
    await regproc.uploadPacket(join(s.client.dataDir, 'packets', first.fileName));
    await admin(s.bed.sim, 'advance', { steps: 2 });
    const after = await outbox.pollStatuses();
    assert.deepEqual(after.statusUpdated, [{ rid: first.rid, status: 'PROCESSED' }]);
    assert.deepEqual(exported.map((rid) => findOutbox(s.client.db, rid)?.state), ['DONE', 'EXPORTED']);

    const retention = new RetentionService({ db: s.client.db, audit: new AuditLog(s.client.db, s.bed.clock), clock: s.bed.clock, packetsDir: join(s.client.dataDir, 'packets'), days: 1 });
    assert.deepEqual(await retention.run(), [], 'kept for a day after PROCESSED');
    s.bed.clock.advance(86_400_000);
    assert.deepEqual(await retention.run(), [first.rid]);
    assert.equal(existsSync(join(s.client.dataDir, 'packets', first.fileName)), false);
    const kept = findOutbox(s.client.db, first.rid)!;
    assert.deepEqual([kept.serverStatus, kept.fileDeletedAt, existsSync(join(s.client.dataDir, 'packets', findOutbox(s.client.db, exported[1]!)!.fileName))], ['PROCESSED', s.bed.clock.now(), true]);
    assert.equal(new AuditLog(s.client.db, s.bed.clock).recent(1)[0]?.event, 'PACKET_FILE_DELETED');
  });
});
