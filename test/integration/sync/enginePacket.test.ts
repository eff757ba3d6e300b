import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { buildTestPacket } from '../../helpers/packetFixture';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';

/**
 * Cross-check of two independent implementations: a packet built by the client's packet engine
 * must pass the simulator's own decrypt/hash/signature checks after a real RID sync and upload.
 * As in the app, the packet and the RID sync are encrypted for the REGISTRATION certificate the
 * client's down-sync wrote, not for one handed over from the simulator's PKI.
 */
describe('packet engine output against the simulator', () => {
  const s = useSimBed({ client: 'once', downSynced: true });

  it('is accepted and processed to a UIN', async () => {
    const reg = s.bed.sim.pki.registration('10001_10002');
    const downSynced = readFileSync(join(s.client.dataDir, REGISTRATION_CERT_PATH), 'utf8');
    const pki = {
      caPem: s.bed.sim.pki.root.certPem,
      regKey: reg.privateKey,
      regKeyPem: reg.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      regCertPem: downSynced,
      machineKey: s.bed.machineKey.privateKey,
      machineKeyPem: s.bed.machineKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      machineCertPem: '',
    };
    const { file, packet } = await buildTestPacket(pki, mkdtempSync(join(s.client.dataDir, 'pk-')), s.bed.clock.now());
    const regproc = new RegProcClient({ http: s.client.service.http, clock: s.bed.clock, refId: '10001_10002', registrationCertPem: downSynced });
    const outcome = await regproc.syncPackets([
      {
        registrationId: packet.rid,
        packetId: packet.packetId,
        additionalInfoReqId: null,
        registrationType: 'NEW',
        packetHashValue: packet.sha256,
        packetSize: packet.bytes.length,
        supervisorStatus: 'APPROVED',
        supervisorComment: null,
        langCode: 'por',
      },
    ]);
    assert.deepEqual(outcome.failed, []);
    assert.equal(await regproc.uploadPacket(file), 'uploaded');
    const stats = await admin(s.bed.sim, 'advance', { packetId: packet.packetId, steps: 2 });
    const entry = (stats['packets'] as Record<string, { status: string; rejectReason: string | null }>)[packet.packetId];
    assert.deepEqual([entry?.status, entry?.rejectReason], ['PROCESSED', null]);
  });
});
