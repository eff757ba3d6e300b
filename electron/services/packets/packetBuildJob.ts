import { createPrivateKey, createPublicKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../../schemas/errors';
import type { PacketBuildRequest, PacketBuildStage } from '../../../schemas/packet';
import type { RegistrationInput } from '../../../schemas/registration';
import type { IdSchemaJson } from '../../../schemas/registrationIdSchema';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import { assemblePacket, type AssembledSubpacket } from './packetAssembler';
import type { RegistrationCertificate } from './registrationCert';
import { assertRegistrationFits } from './registrationValidator';
import { ridFor } from './rid';

/**
 * Everything a build needs, as plain data so it can cross the worker boundary (STYLE rule 12).
 * It is made on the main thread from a parsed `PacketBuildRequest` whose registration was checked
 * against `idSchema` there; the worker gets a structured clone of this typed object (never
 * outside input), so it does not parse or validate it again.
 */
export interface PacketBuildJob {
  /** the draft being built: a cancelled build names it */
  readonly draftId: string;
  readonly registration: RegistrationInput;
  readonly idSchema: IdSchemaJson;
  readonly rid: string;
  readonly now: number;
  /** the REGISTRATION certificate's public key (SPKI DER) and thumbprint, valid at `now` */
  readonly recipient: Readonly<{ spkiDer: Uint8Array; thumbprint: Uint8Array }>;
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
  /** how long the call took, ms (the pool's includes the wait for the worker) */
  readonly durationMs: number;
}

/** How a caller follows and stops one build. */
export interface PacketBuildCallOptions {
  /** aborting stops the build at its next stage with ERR_PACKET_BUILD_CANCELLED */
  readonly signal?: AbortSignal;
  readonly onStage?: (stage: PacketBuildStage, fraction: number) => void;
}

/** Builds one packet: `PacketBuilderPool.build` off the main thread in the app, `runPacketBuild` in process (CLI, tests). */
export type PacketBuilder = (job: PacketBuildJob, options?: PacketBuildCallOptions) => Promise<PacketBuildOutput>;

/** What the main thread adds to a request to make a job. */
export interface PacketBuildJobContext {
  readonly idSchema: IdSchemaJson;
  readonly cert: RegistrationCertificate;
  readonly now: number;
  /** a new RID, taken only when the registration neither has one nor answers a request */
  readonly allocateRid: () => string;
  readonly machineKeyPkcs8: Uint8Array;
  readonly host: Readonly<{ hostName: string; hostIp: string }>;
  readonly maxPacketBytes: number;
  readonly compressionLevel?: number;
}

/**
 * Checks the registration against the ID schema, then gives it its RID: the job the builder runs.
 * @throws AppError ERR_PACKET_INPUT_INVALID
 */
export function packetBuildJob(request: PacketBuildRequest, c: PacketBuildJobContext): PacketBuildJob {
  assertRegistrationFits(request.registration, c.idSchema);
  return {
    draftId: request.draftId,
    registration: request.registration,
    idSchema: c.idSchema,
    rid: ridFor(request.registration, c.allocateRid),
    now: c.now,
    recipient: { spkiDer: c.cert.publicKey.export({ format: 'der', type: 'spki' }), thumbprint: c.cert.thumbprint },
    machineKeyPkcs8: c.machineKeyPkcs8,
    host: c.host,
    maxPacketBytes: c.maxPacketBytes,
    ...(c.compressionLevel === undefined ? {} : { compressionLevel: c.compressionLevel }),
  };
}

/**
 * Builds one packet from a job; used by the worker and, in tests and the CLI, in process.
 * The size limit is checked here, before anything reaches the disk.
 * @throws AppError ERR_PACKET_CAPTURE_MISMATCH, ERR_PACKET_TOO_LARGE, ERR_PACKET_BUILD_CANCELLED
 */
export const runPacketBuild: PacketBuilder = async (job, { signal, onStage = () => undefined } = {}) => {
  const started = performance.now();
  // checked at every stage: the work between two stages is what a cancel still costs
  const throwIfCancelled = () => {
    if (signal?.aborted) throw new AppError('ERR_PACKET_BUILD_CANCELLED', { draftId: job.draftId });
  };
  const stage = (name: PacketBuildStage, fraction: number) => {
    throwIfCancelled();
    onStage(name, fraction);
  };
  const { registration: input } = job;
  const machineKey = createPrivateKey({ key: Buffer.from(job.machineKeyPkcs8), format: 'der', type: 'pkcs8' });
  const recipient = { publicKey: createPublicKey({ key: Buffer.from(job.recipient.spkiDer), format: 'der', type: 'spki' }), thumbprint: Buffer.from(job.recipient.thumbprint) };
  const packet = await assemblePacket({
    input,
    idSchema: job.idSchema,
    rid: job.rid,
    now: job.now,
    recipient,
    machineKey,
    machineKeyIndex: computeKeyIndex(createPublicKey(machineKey)),
    host: job.host,
    ...(job.compressionLevel === undefined ? {} : { compressionLevel: job.compressionLevel }),
    onStage: (name, fraction) => stage(name, fraction * 0.8),
  });
  if (packet.bytes.length > job.maxPacketBytes) throw new AppError('ERR_PACKET_TOO_LARGE', { size: packet.bytes.length, limit: job.maxPacketBytes });
  throwIfCancelled();
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
    durationMs: performance.now() - started,
  };
};
