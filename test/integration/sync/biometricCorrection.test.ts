import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { findOutbox } from '../../../electron/services/db/repos/outbox';
import { fixedIdSchema } from '../../../electron/services/packets/IdSchemaProvider';
import { runPacketBuild } from '../../../electron/services/packets/packetBuildJob';
import { PacketService } from '../../../electron/services/packets/PacketService';
import { fixedRegistrationCert } from '../../../electron/services/packets/RegistrationCertProvider';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { formatRid } from '../../../electron/services/packets/rid';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { TEST_ID_SCHEMA } from '../../helpers/packetFixture';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { packetRequest } from '../../helpers/packetRequest';
import { approveAll, makeOutbox } from './outboxBed';
import { admin, makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';

type SimStats = { packets: Record<string, { status: string; rejectReason: string | null; additionalInfoReqId: string | null; uin: string | null; optionalValues: unknown }> };

/**
 * BIOMETRIC_CORRECTION end to end: regproc pauses a registration and creates an additional-info
 * request (`<rid>-BIOMETRIC_CORRECTION-<n>`); the operator types its id; the packet carries that
 * request's RID and the RID sync carries the id, without which the packet receiver refuses it
 * (PacketReceiverServiceImpl.getIterationForSyncRecord → RPR-PKR-016).
 */
describe('BIOMETRIC_CORRECTION against the simulator', () => {
  let bed: SimBed;
  let client: ClientBed;
  let packets: PacketService;
  before(async () => {
    bed = await startSimBed();
    client = makeClient(bed);
    await client.service.login('officer1', 'Officer#2026');
    await client.service.downSync();
    packets = new PacketService({
      db: client.db, audit: new AuditLog(client.db, bed.clock), clock: bed.clock, packetsDir: join(client.dataDir, 'packets'),
      builder: runPacketBuild, idSchemas: fixedIdSchema(parseIdSchema(TEST_ID_SCHEMA)), regCert: fixedRegistrationCert(bed.sim.pki.registration('10001_10002').certPem),
      machineKeyPkcs8: bed.machineKey.privateKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: 'test', hostIp: '127.0.0.1' },
    });
  });
  after(async () => {
    client.close();
    await bed.close();
  });

  const correction = (additionalInfoReqId: string | null) => ({ ...sampleRegistration({ now: bed.clock.now() }), process: 'BIOMETRIC_CORRECTION', additionalInfoReqId });
  const refusedFor = async (input: unknown, first: string) => {
    // parsed as every build request is; a malformed request id is refused by that parse, the rest by the service
    const err = await rejectsWithCode((async () => packets.build(packetRequest('draft-refused', input, 'officer1')))(), 'ERR_PACKET_INPUT_INVALID');
    assert.equal((err.details as { first: string }).first, first);
  };
  const stats = async () => ((await admin(bed.sim, 'stats', undefined, 'GET')) as unknown as SimStats).packets;

  it('builds the packet under the request RID (first registered on another machine), syncs the id and reaches PROCESSED', async () => {
    // the first registration came from centre 10009 machine 10011: the RID keeps that prefix
    const rid = formatRid('10009', '10011', 7, bed.clock.now() - 86_400_000);
    const request = await admin(bed.sim, 'additionalinfo', { rid });
    const reqId = String(request['additionalInfoReqId']);
    assert.equal(reqId, `${rid}-BIOMETRIC_CORRECTION-1`);
    const contact = { name: 'Maria da Conceição Neves', email: 'maria@example.st', phone: '9912345' };
    const built = await packets.build(packetRequest('draft-bc', correction(reqId), 'officer1', { syncContact: contact }));
    assert.equal(built.rid, rid);
    assert.equal(findOutbox(client.db, built.packetId)?.additionalInfoReqId, reqId);
    approveAll(client.db, bed.clock, [rid]);
    const run = await makeOutbox(client, bed.sim, bed.clock).run();
    assert.deepEqual([run.synced, run.uploaded, run.parked], [[rid], [rid], []]);
    await admin(bed.sim, 'advance', { packetId: built.packetId, steps: 2 });
    const server = (await stats())[built.packetId];
    assert.deepEqual([server?.status, server?.rejectReason, server?.additionalInfoReqId], ['PROCESSED', null, reqId]);
    // the resident's name, email and phone reach regproc for its notifications
    assert.deepEqual(server?.optionalValues, contact);
  });

  it('the packet engine refuses a correction without its request id, or with a RID that is not the request RID', async () => {
    await refusedFor(correction(null), 'additionalInfoReqId: required');
    const reqId = `${formatRid('10001', '10002', 99, bed.clock.now())}-BIOMETRIC_CORRECTION-1`;
    const other = formatRid('10001', '10002', 98, bed.clock.now());
    await refusedFor({ ...correction(reqId), rid: other }, 'rid: additionalInfoReqIdMismatch');
    await refusedFor(correction('12345-BIOMETRIC_CORRECTION-1'), 'additionalInfoReqId: invalid_format');
  });

  it('the simulator refuses a correction synced without additionalInfoReqId, or naming no request, as the packet receiver does', async () => {
    const rid = formatRid('10001', '10002', 41, bed.clock.now());
    const reqId = String((await admin(bed.sim, 'additionalinfo', { rid }))['additionalInfoReqId']);
    const built = await packets.build(packetRequest('draft-sim', correction(reqId), 'officer1'));
    const regproc = new RegProcClient({ http: client.service.http, clock: bed.clock, refId: '10001_10002', registrationCertPem: bed.sim.pki.registration('10001_10002').certPem });
    const record = { registrationId: rid, packetId: built.packetId, registrationType: 'BIOMETRIC_CORRECTION', packetHashValue: built.sha256, packetSize: built.size, supervisorStatus: 'APPROVED' as const, supervisorComment: null, langCode: 'por' };
    for (const additionalInfoReqId of [null, `${rid}-BIOMETRIC_CORRECTION-2`]) {
      assert.deepEqual((await regproc.syncPackets([{ ...record, additionalInfoReqId }])).failed, []);
      const err = await rejectsWithCode(regproc.uploadPacket(built.file), 'ERR_SYNC_REJECTED');
      assert.equal((err.details as { errorCode: string }).errorCode, 'RPR-PKR-016');
    }
    assert.equal((await stats())[built.packetId]?.status, 'SYNCED', 'nothing was stored');
  });
});
