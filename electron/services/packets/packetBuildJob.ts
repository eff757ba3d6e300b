import { createPrivateKey, createPublicKey } from 'node:crypto';
import { AppError } from '../../../schemas/errors';
import type { PacketBuildStage } from '../../../schemas/packet';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import { assemblePacket, type AssembledSubpacket } from './packetAssembler';
import { loadRegistrationCertificate } from './registrationCert';
import { parseIdSchema, validateRegistration } from './registrationValidator';

/** Everything a build needs, as plain data so it can cross the worker boundary (STYLE rule 12). */
export interface PacketBuildRequest {
  /** the registration as the draft holds it; validated here, off the main thread */
  readonly input: unknown;
  readonly idSchema: unknown;
  readonly rid: string;
  readonly now: number;
  readonly regCertPem: string;
  /** machine private key, PKCS#8 DER */
  readonly machineKeyPkcs8: Uint8Array;
  readonly host: Readonly<{ hostName: string; hostIp: string }>;
  readonly maxPacketBytes: number;
  readonly compressionLevel?: number;
}

export interface PacketBuildOutput {
  readonly rid: string;
  readonly packetId: string;
  readonly process: string;
  readonly centreId: string;
  readonly machineId: string;
  /** the server request a sub-process packet answers; sent in its RID sync */
  readonly additionalInfoReqId: string | null;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly subpackets: readonly AssembledSubpacket[];
}

/**
 * Validates and builds one packet; used by the worker and, in tests and the CLI fallback, in process.
 * The size limit is checked here, before anything reaches the disk.
 * @throws AppError ERR_PACKET_INPUT_INVALID, ERR_PACKET_ID_SCHEMA_INVALID, ERR_PACKET_CAPTURE_MISMATCH,
 *   ERR_PACKET_REG_CERT_INVALID, ERR_PACKET_REG_CERT_EXPIRED, ERR_PACKET_TOO_LARGE
 */
export async function runPacketBuild(req: PacketBuildRequest, onStage: (stage: PacketBuildStage, fraction: number) => void = () => undefined): Promise<PacketBuildOutput> {
  onStage('validate', 0);
  const schema = parseIdSchema(req.idSchema);
  const input = validateRegistration(req.input, schema);
  const recipient = loadRegistrationCertificate(req.regCertPem, req.now);
  const machineKey = createPrivateKey({ key: Buffer.from(req.machineKeyPkcs8), format: 'der', type: 'pkcs8' });
  const packet = await assemblePacket({
    input,
    idSchema: schema,
    rid: req.rid,
    now: req.now,
    recipient,
    machineKey,
    machineKeyIndex: computeKeyIndex(createPublicKey(machineKey)),
    host: req.host,
    ...(req.compressionLevel === undefined ? {} : { compressionLevel: req.compressionLevel }),
    onStage: (stage, fraction) => onStage(stage, fraction * 0.8),
  });
  if (packet.bytes.length > req.maxPacketBytes) throw new AppError('ERR_PACKET_TOO_LARGE', { size: packet.bytes.length, limit: req.maxPacketBytes });
  return {
    rid: packet.rid,
    packetId: packet.packetId,
    process: input.process,
    centreId: input.centreId,
    machineId: input.machineId,
    additionalInfoReqId: input.additionalInfoReqId,
    bytes: packet.bytes,
    sha256: packet.sha256,
    subpackets: packet.subpackets,
  };
}
