import { createHash, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { RegistrationInput } from '../../../schemas/registration';
import { SUBPACKET_NAMES, type IdSchemaJson, type SubpacketName } from '../../../schemas/registrationIdSchema';
import type { AuditHost } from './auditJson';
import { planSchemaFields } from './idSchemaFields';
import { buildMetaInfoBase } from './metaInfo';
import { encryptEnvelope, type EnvelopeRecipient, type RandomSource } from './mosipEnvelope';
import { formatPacketId, utcIsoMillis } from './rid';
import { layoutSubpacket, type SubpacketContent } from './subpacketLayout';
import { zipEntries } from './zipWriter';
import { EXCEPTION_PHOTO_ATTRIBUTE } from './bioAttributes';

/** `objectstore.packet.source` for packets made by a registration client. */
export const PACKET_SOURCE = 'REGISTRATION_CLIENT';

/** Stages reported while a packet is built (for progress bars and the crash test). */
export type AssembleStage = 'layout' | 'zip' | 'encrypt' | 'container';

export interface AssembleOptions {
  readonly input: RegistrationInput;
  readonly idSchema: IdSchemaJson;
  readonly rid: string;
  /** epoch ms of the build: packetId timestamp and creation dates */
  readonly now: number;
  readonly recipient: EnvelopeRecipient;
  readonly machineKey: KeyObject;
  readonly machineKeyIndex: string;
  readonly host: AuditHost;
  /** zlib level for subpacket entries; 1 by default (bandwidth vs CPU, see issue 3 §8) */
  readonly compressionLevel?: number;
  readonly random?: RandomSource;
  readonly uuid?: () => string;
  readonly onStage?: (stage: AssembleStage, fraction: number) => void;
  /** replaces the envelope implementation (the benchmark's node-forge baseline); default encryptEnvelope */
  readonly envelope?: (recipient: EnvelopeRecipient, plain: Buffer) => Buffer;
}

/** Facts about one encrypted subpacket, as its metadata JSON records them. */
export interface AssembledSubpacket {
  readonly name: SubpacketName;
  readonly plainSize: number;
  readonly encryptedSize: number;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface AssembledPacket {
  readonly rid: string;
  readonly packetId: string;
  /** the final encrypted file (`<packetId>.zip`) */
  readonly bytes: Buffer;
  /** uppercase hex SHA-256 of `bytes`, the sync `packetHashValue` */
  readonly sha256: string;
  readonly subpackets: readonly AssembledSubpacket[];
}

/**
 * Builds the whole encrypted packet in memory (reference §1.11): lay out the three subpackets,
 * zip them concurrently, encrypt + sign each, then the container zip (ciphertexts stored, not
 * deflated again) and the outer envelope.
 * @throws AppError ERR_PACKET_CAPTURE_MISMATCH (from the capture check)
 */
export async function assemblePacket(o: AssembleOptions): Promise<AssembledPacket> {
  const { input, rid } = o;
  const refId = `${input.centreId}_${input.machineId}`;
  const packetId = formatPacketId(rid, input.centreId, input.machineId, o.now);
  const uuid = o.uuid ?? randomUUID;
  const stage = o.onStage ?? (() => undefined);
  const seal = o.envelope ?? ((recipient: EnvelopeRecipient, plain: Buffer) => encryptEnvelope(recipient, plain, o.random));
  stage('layout', 0);
  const birIndexes = indexBirs(input, uuid);
  const metaBase = buildMetaInfoBase(input, { rid, machineKeyIndex: o.machineKeyIndex, birIndexes, now: o.now });
  const ctx = { rid, fields: planSchemaFields(o.idSchema), metaBase, birIndexes, host: o.host, now: o.now };
  const contents = SUBPACKET_NAMES.map((name) => layoutSubpacket(input, name, ctx));
  stage('zip', 0.3);
  const mtime = new Date(o.now);
  const level = o.compressionLevel ?? 1;
  const plains = await Promise.all(contents.map((c) => zipSubpacket(c, mtime, level)));
  stage('encrypt', 0.7);
  const subpackets: AssembledSubpacket[] = [];
  const containerEntries = [];
  for (const [i, plain] of plains.entries()) {
    const name = contents[i]!.name;
    const encrypted = seal(o.recipient, plain);
    const metadata = subpacketMetadata({ packetId, rid, name, process: input.process, schemaVersion: input.idSchemaVersion, refId, now: o.now, plain, encrypted, machineKey: o.machineKey });
    const base = `${PACKET_SOURCE}/${input.process}/${rid}_${name}`;
    containerEntries.push({ name: `${base}.zip`, bytes: encrypted, deflate: false }, { name: `${base}.json`, bytes: Buffer.from(JSON.stringify(metadata), 'utf8'), deflate: true });
    subpackets.push({ name, plainSize: plain.length, encryptedSize: encrypted.length, metadata });
  }
  stage('container', 0.9);
  const container = await zipEntries(containerEntries, mtime, level);
  const bytes = seal(o.recipient, container);
  return { rid, packetId, bytes, sha256: createHash('sha256').update(bytes).digest('hex').toUpperCase(), subpackets };
}

function zipSubpacket(content: SubpacketContent, mtime: Date, level: number): Promise<Buffer> {
  return zipEntries(content.files.map((f) => ({ name: f.fileName, bytes: f.bytes, deflate: true })), mtime, level);
}

function indexBirs(input: RegistrationInput, uuid: () => string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [fieldId, field] of Object.entries(input.biometrics)) {
    out[fieldId] = {};
    for (const b of [...field.captures, ...field.exceptions]) out[fieldId][b.attribute] = uuid();
    if (field.exceptionPhoto) out[fieldId][EXCEPTION_PHOTO_ATTRIBUTE] = uuid();
  }
  return out;
}

interface MetadataArgs {
  readonly packetId: string;
  readonly rid: string;
  readonly name: SubpacketName;
  readonly process: string;
  readonly schemaVersion: number;
  readonly refId: string;
  readonly now: number;
  readonly plain: Buffer;
  readonly encrypted: Buffer;
  readonly machineKey: KeyObject;
}

/**
 * `<RID>_<name>.json` (`PacketManagerHelper.getMetaMap`, reference §1.10): all values strings;
 * signature = SHA256withRSA over the plaintext zip, encryptedhash = raw SHA-256 of the
 * envelope, both URL-safe base64 without padding.
 */
export function subpacketMetadata(a: MetadataArgs): Record<string, string> {
  return {
    id: a.packetId,
    packetname: `${a.rid}_${a.name}`,
    source: PACKET_SOURCE,
    process: a.process,
    schemaversion: javaDoubleString(a.schemaVersion),
    signature: sign('sha256', a.plain, a.machineKey).toString('base64url'),
    encryptedhash: createHash('sha256').update(a.encrypted).digest('base64url'),
    providername: 'PacketWriterImpl',
    providerversion: 'v1.0',
    creationdate: utcIsoMillis(a.now),
    refid: a.refId,
  };
}

/** Java `Double.toString` for the small versions MOSIP uses (0.1 → "0.1", 1 → "1.0"). */
export function javaDoubleString(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}
