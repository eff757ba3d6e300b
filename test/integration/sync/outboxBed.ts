import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManualClock } from '../../../native/time/ManualClock';
import { systemClock, type Clock } from '../../../native/time/Clock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import type { DB } from '../../../electron/services/db/Database';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { assemblePacket } from '../../../electron/services/packets/packetAssembler';
import { loadRegistrationCertificate } from '../../../electron/services/packets/registrationCert';
import { validateRegistration } from '../../../electron/services/packets/registrationValidator';
import { formatRid } from '../../../electron/services/packets/rid';
import { sampleRegistration, SMALL_SAMPLE, type SampleSizes } from '../../../electron/services/packets/sampleRegistration';
import { PacketApprovalService } from '../../../electron/services/sync/approval/PacketApprovalService';
import { OutboxService, type OutboxServiceOptions } from '../../../electron/services/sync/outbox/OutboxService';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import type { MachineKey } from '../../../native/keystore/machineKeyStore';
import { TEST_ID_SCHEMA } from '../../helpers/packetFixture';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import type { ClientBed } from './syncTestBed';

const deviceKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/**
 * Builds `count` real packets (the packet engine's assembler, encrypted to the simulator's
 * REGISTRATION key, signed by the machine key) into `<dataDir>/packets` and commits each with
 * its outbox job, as PacketService does. Returns the RIDs in order.
 */
export async function seedPackets(o: {
  db: DB;
  dataDir: string;
  sim: MosipSimulator;
  machineKey: MachineKey;
  now: number;
  count: number;
  firstSequence?: number;
  sizes?: SampleSizes;
}): Promise<string[]> {
  const dir = join(o.dataDir, 'packets');
  mkdirSync(dir, { recursive: true });
  const recipient = loadRegistrationCertificate(o.sim.pki.registration('10001_10002').certPem, o.now);
  const input = validateRegistration(sampleRegistration({ now: o.now, sizes: o.sizes ?? SMALL_SAMPLE, deviceKey }), TEST_ID_SCHEMA);
  const rids: string[] = [];
  for (let i = 0; i < o.count; i++) {
    const rid = formatRid('10001', '10002', (o.firstSequence ?? 1) + i, o.now);
    const packet = await assemblePacket({
      input, idSchema: TEST_ID_SCHEMA, rid, now: o.now, recipient,
      machineKey: o.machineKey.privateKey, machineKeyIndex: o.machineKey.keyIndex,
      host: { hostName: 'test-host', hostIp: '127.0.0.1' },
    });
    const fileName = `${packet.packetId}.zip`;
    writeFileSync(join(dir, fileName), packet.bytes);
    o.db.transaction(() =>
      insertPacketWithJob(o.db, {
        packet_id: packet.packetId, rid, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: fileName,
        size: packet.bytes.length, sha256: packet.sha256, status: 'CREATED', meta: '{}', created_at: o.now + i,
      }),
    )();
    rids.push(rid);
  }
  return rids;
}

/**
 * Approves every pending packet as `supervisor1` (the seeded reason list is synced already). A data
 * dir opened with openDataDir has a keyed audit log: pass its `audit`, an unkeyed writer is refused.
 */
export function approveAll(db: DB, clock: Clock, rids: readonly string[], audit: AuditLog = new AuditLog(db, clock)): void {
  new PacketApprovalService({ db, audit, clock }).decide({ userId: 'supervisor1', roles: ['REGISTRATION_SUPERVISOR'] }, 'approve', { ids: rids });
}

/** An outbox over the client's database and the simulator, re-authenticating with the refresh token, else a login. */
export function makeOutbox(client: ClientBed, sim: MosipSimulator, clock: ManualClock | Clock = systemClock, extra: Partial<OutboxServiceOptions> = {}): OutboxService {
  const regproc = new RegProcClient({ http: client.service.http, clock, refId: '10001_10002', registrationCertPem: sim.pki.registration('10001_10002').certPem, uploadTimeoutMs: 5000 });
  return new OutboxService({
    db: client.db,
    audit: new AuditLog(client.db, clock),
    clock,
    random: () => 0.5,
    packetsDir: join(client.dataDir, 'packets'),
    server: regproc,
    reauth: async () => {
      try {
        await client.service.refresh();
      } catch {
        // the refresh token died too: log in again with the stored test password
        await client.service.login('officer1', 'Officer#2026');
      }
    },
    backoff: { baseMs: 1000, capMs: 60_000 },
    ...extra,
  });
}
