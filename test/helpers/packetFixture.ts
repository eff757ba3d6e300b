import { createPublicKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAMPLE_ID_SCHEMA } from '../../schemas/registrationSampleIdSchema';
import { computeKeyIndex } from '../../native/keystore/keyIndex';
import { assemblePacket, type AssembledPacket } from '../../electron/services/packets/packetAssembler';
import { loadRegistrationCertificate } from '../../electron/services/packets/registrationCert';
import { parseIdSchema, validateRegistration } from '../../electron/services/packets/registrationValidator';
import { formatRid } from '../../electron/services/packets/rid';
import { sampleRegistration, type SampleSizes } from '../../electron/services/packets/sampleRegistration';
import type { TestPki } from './packetKeys';

export const TEST_ID_SCHEMA = parseIdSchema(SAMPLE_ID_SCHEMA);

/** Builds the sample registration into an encrypted packet in memory and writes `<packetId>.zip` to `dir`. */
export async function buildTestPacket(pki: TestPki, dir: string, now: number, sequence = 1, sizes?: SampleSizes): Promise<{ file: string; packet: AssembledPacket }> {
  const input = validateRegistration(sampleRegistration({ now, ...(sizes ? { sizes } : {}) }), TEST_ID_SCHEMA);
  const packet = await assemblePacket({
    input,
    idSchema: TEST_ID_SCHEMA,
    rid: formatRid(input.centreId, input.machineId, sequence, now),
    now,
    recipient: loadRegistrationCertificate(pki.regCertPem, now),
    machineKey: pki.machineKey,
    machineKeyIndex: computeKeyIndex(createPublicKey(pki.machineKey)),
    host: { hostName: 'test-host', hostIp: '127.0.0.1' },
  });
  const file = join(dir, `${packet.packetId}.zip`);
  await writeFile(file, packet.bytes);
  return { file, packet };
}
