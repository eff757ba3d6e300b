import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { findOutbox } from '../../../electron/services/db/repos/outbox';
import { PacketExportService, verifyExport, MANIFEST_FILE, SIGNATURE_FILE } from '../../../electron/services/sync/outbox/PacketExportService';
import { RetentionService } from '../../../electron/services/sync/outbox/RetentionService';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { admin, makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';
import { approveAll, makeOutbox, seedPackets } from './outboxBed';

describe('export to USB, reconcile and retention', () => {
  let bed: SimBed;
  let client: ClientBed;
  before(async () => {
    bed = await startSimBed();
    client = makeClient(bed);
    await client.service.login('officer1', 'Officer#2026');
    await client.service.downSync();
  });
  after(async () => {
    client.close();
    await bed.close();
  });

  const exporter = () =>
    new PacketExportService({ db: client.db, audit: new AuditLog(client.db, bed.clock), clock: bed.clock, packetsDir: join(client.dataDir, 'packets'), machineKey: bed.machineKey, centreId: '10001', machineId: '10002' });

  it('exports approved packets with a manifest signed by the machine key, verified by us and by openssl; tampering is caught', async () => {
    const rids = await seedPackets({ db: client.db, dataDir: client.dataDir, sim: bed.sim, machineKey: bed.machineKey, now: bed.clock.now(), count: 3, firstSequence: 1 });
    approveAll(client.db, bed.clock, rids.slice(0, 2)); // the third still waits for the supervisor
    const usb = mkdtempSync(join(bed.dir, 'usb-'));
    const result = await exporter().export(usb, 'supervisor1');
    assert.deepEqual([result.rids, result.skipped], [rids.slice(0, 2), []]);
    const manifest = await verifyExport(usb, bed.machineKey.publicKey);
    assert.deepEqual(manifest.packets.map((p) => [p.rid, p.supervisorStatus, p.sha256]), rids.slice(0, 2).map((rid) => [rid, 'APPROVED', findOutbox(client.db, rid)!.sha256]));
    writeFileSync(join(usb, 'pub.pem'), bed.machineKey.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(usb, 'sig.bin'), Buffer.from(readFileSync(join(usb, SIGNATURE_FILE), 'utf8').trim(), 'base64'));
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-verify', join(usb, 'pub.pem'), '-signature', join(usb, 'sig.bin'), join(usb, MANIFEST_FILE)]).toString();
    assert.match(openssl, /Verified OK/);
    assert.deepEqual(rids.map((rid) => findOutbox(client.db, rid)?.state), ['EXPORTED', 'EXPORTED', 'PENDING']);
    appendFileSync(join(usb, manifest.packets[0]!.fileName), 'x');
    await rejectsWithCode(verifyExport(usb), 'ERR_SYNC_MANIFEST_INVALID', { dir: usb, reason: `${manifest.packets[0]!.fileName}: hash mismatch` });
    writeFileSync(join(usb, MANIFEST_FILE), readFileSync(join(usb, MANIFEST_FILE), 'utf8').replace('"APPROVED"', '"REJECTED"'));
    await rejectsWithCode(verifyExport(usb), 'ERR_SYNC_MANIFEST_INVALID', { dir: usb, reason: 'signature does not match the manifest' });
  });

  it('reconciles exported packets once an administrator uploaded them, then deletes processed files after the retention days', async () => {
    const exported = makeOutbox(client, bed.sim, bed.clock).list({ state: 'EXPORTED' }).items.map((i) => i.rid);
    assert.equal(exported.length, 2);
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    const before = await outbox.pollStatuses();
    assert.deepEqual(before.statusUpdated, [], 'unknown to the server: stays EXPORTED');
    // The administrator's bulk upload: RID sync + upload done server-side (here by a plain RegProcClient).
    const regproc = new RegProcClient({ http: client.service.http, clock: bed.clock, refId: '10001_10002', registrationCertPem: bed.sim.pki.registration('10001_10002').certPem });
    const first = findOutbox(client.db, exported[0]!)!;
    await regproc.syncPackets([{ registrationId: first.rid, packetId: first.packetId, additionalInfoReqId: null, registrationType: 'NEW', packetHashValue: first.sha256, packetSize: first.size, supervisorStatus: 'APPROVED', supervisorComment: null, langCode: 'por' }]);
    await regproc.uploadPacket(join(client.dataDir, 'packets', first.fileName));
    await admin(bed.sim, 'advance', { steps: 2 });
    const after = await outbox.pollStatuses();
    assert.deepEqual(after.statusUpdated, [{ rid: first.rid, status: 'PROCESSED' }]);
    assert.deepEqual(exported.map((rid) => findOutbox(client.db, rid)?.state), ['DONE', 'EXPORTED']);

    const retention = new RetentionService({ db: client.db, audit: new AuditLog(client.db, bed.clock), clock: bed.clock, packetsDir: join(client.dataDir, 'packets'), days: 1 });
    assert.deepEqual(await retention.run(), [], 'kept for a day after PROCESSED');
    bed.clock.advance(86_400_000);
    assert.deepEqual(await retention.run(), [first.rid]);
    assert.equal(existsSync(join(client.dataDir, 'packets', first.fileName)), false);
    const kept = findOutbox(client.db, first.rid)!;
    assert.deepEqual([kept.serverStatus, kept.fileDeletedAt, existsSync(join(client.dataDir, 'packets', findOutbox(client.db, exported[1]!)!.fileName))], ['PROCESSED', bed.clock.now(), true]);
    assert.equal(new AuditLog(client.db, bed.clock).recent(1)[0]?.event, 'PACKET_FILE_DELETED');
  });
});
