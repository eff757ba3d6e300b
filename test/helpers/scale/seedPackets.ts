import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { PacketSummary } from '../../../schemas/packetSummary';
import type { AppServices } from '../../../electron/host/createAppServices';
import { insertPacketSummary } from '../../../electron/services/db/repos/packetSummaries';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { PACKETS_DIR } from '../../../electron/host/openDataDir';
import type { PacketBuildResult } from '../../../schemas/packet';
import { sampleRegistration, SMALL_SAMPLE } from '../../../electron/services/packets/sampleRegistration';
import type { ManualClock } from '../../../native/time/ManualClock';
import { packetRequest } from '../packetRequest';
import { residentName } from './residentName';

/** A face thumbnail as the review summary stores one (a small JPEG, base64), the same for every packet. */
function faceThumbnail(): string {
  const width = 60;
  const height = 72;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.fill((i / 4) % width * 4, i, i + 3).writeUInt8(255, i + 3);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data).toString('base64');
}

/** The review summary the submitter stores with a packet: what search by name and the approval queue read. */
function summaryOf(rid: string, packetId: string, name: string, createdAt: number, photo: string): PacketSummary {
  return {
    version: 1, rid, packetId, process: 'NEW', languages: ['por', 'eng'], createdAt, officerId: 'officer1',
    residentName: { por: name, eng: name }, photo, exceptionPhoto: null, demographics: [], documents: [], biometrics: [],
  };
}

/**
 * Builds `count` packets through the engine (PacketService: worker build, durable file, one
 * commit with its outbox job, audit entry and review summary), spread evenly over `spanMs` of the
 * clock, two at a time (the two cores). Small payloads, so 10,000 take minutes, not hours.
 *
 * `engineEvery` > 1 (the e2e, which must fit CI's time): only every n-th packet is built by the
 * engine; the others are rows written through the same repositories (packet with its outbox job,
 * review summary, audit entry) with a copy of the last engine-built file. Their file's inner RID is
 * not theirs: such a data dir serves the screens and lists, never an upload.
 */
export async function seedPackets(services: AppServices, clock: ManualClock, count: number, spanMs: number, onProgress?: (done: number) => void, engineEvery = 1): Promise<void> {
  const deviceKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const photo = faceThumbnail();
  const step = Math.floor(spanMs / Math.max(count, 1));
  const { centreId, machineId } = services.data.identity;
  let next = 0;
  const buildOne = async (index: number): Promise<void> => {
    const now = clock.now();
    const name = residentName(index);
    if (index % engineEvery !== 0 && lastBuilt) {
      fills.push(fillRow(index, now, name, lastBuilt));
      if (fills.length >= 500) flush();
      return;
    }
    const { rid, ...registration } = sampleRegistration({ now, sizes: SMALL_SAMPLE, deviceKey, centreId, machineId }) as Record<string, unknown>;
    void rid; // the builder allocates the RID
    const demographics = { ...(registration['demographics'] as Record<string, unknown>), fullName: [{ language: 'por', value: name }, { language: 'eng', value: name }] };
    const input = { ...registration, demographics, createdAt: now, operators: { officerId: 'officer1', officerPassword: false } };
    flush();
    lastBuilt = await services.packets.build(packetRequest(`seed-${index}`, input, 'officer1'), {
      inCommit: (p) => insertPacketSummary(services.data.db, { packet_id: p.packetId, rid: p.rid, json: JSON.stringify(summaryOf(p.rid, p.packetId, name, now, photo)), created_at: now }),
    });
  };
  let lastBuilt: PacketBuildResult | undefined;
  // rows are committed 500 to a transaction: one fsync each (synchronous=FULL), not one per row
  let fills: (() => void)[] = [];
  const flush = (): void => {
    const batch = fills;
    fills = [];
    if (batch.length) services.data.db.transaction(() => batch.forEach((write) => write()))();
  };
  const fillRow = (index: number, now: number, name: string, from: PacketBuildResult): (() => void) => {
    const stamp = new Date(now).toISOString().replace(/\D/g, '').slice(0, 14);
    const rid = `${centreId}${machineId}${String(index % 100_000).padStart(5, '0')}${stamp}`;
    const packetId = `${rid}-fill`;
    copyFileSync(from.file, join(services.data.dataDir, PACKETS_DIR, `${packetId}.zip`));
    const { db } = services.data;
    return () => {
      insertPacketWithJob(db, { packet_id: packetId, rid, process: 'NEW', centre_id: centreId, machine_id: machineId, file_name: `${packetId}.zip`, size: from.size, sha256: from.sha256, status: 'CREATED', meta: '{}', created_at: now });
      insertPacketSummary(db, { packet_id: packetId, rid, json: JSON.stringify(summaryOf(rid, packetId, name, now, photo)), created_at: now });
      services.data.audit.append('PACKET_CREATED', 'officer1', { rid, packetId, seeded: 'row' });
    };
  };
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      clock.advance(step);
      await buildOne(index);
      if (index % 500 === 0) onProgress?.(index);
    }
  };
  await Promise.all([lane(), lane()]);
  flush();
}
