import type { RegistrationInput } from '../../../schemas/registration';
import type { HashSequenceEntry } from './hashSequence';
import { utcCompactStamp, utcIsoMillis } from './rid';
import { EXCEPTION_PHOTO_ATTRIBUTE } from './bioAttributes';

type Label = { readonly label: string; readonly value: string | null };

/** Registration-level facts shared by every subpacket's meta info. */
export interface MetaInfoBase {
  readonly rid: string;
  readonly machineKeyIndex: string;
  /** field → attribute → BIR index uuid */
  readonly birIndexes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly now: number;
}

/**
 * The registration-wide part of `packet_meta_info.json` (labels of reg-client
 * `PacketHandlerServiceImpl.setMetaInfo`, reference §1.6). Hash sequences are added per subpacket.
 */
export function buildMetaInfoBase(input: RegistrationInput, base: MetaInfoBase): Record<string, unknown> {
  const ops = input.operators;
  const metaData: Label[] = [
    { label: 'registrationId', value: base.rid },
    { label: 'applicationId', value: base.rid },
    // Java reg-client 1.2.0.x writes the kernel RID timestamp pattern here (reference §1.6).
    { label: 'creationDate', value: utcCompactStamp(input.createdAt) },
    { label: 'Registration Client Version Number', value: input.clientVersion },
    { label: 'registrationType', value: input.process },
    { label: 'preRegistrationId', value: input.preRegistrationId },
    { label: 'machineId', value: input.machineId },
    { label: 'centerId', value: input.centreId },
    { label: 'dongleId', value: null },
    { label: 'keyIndex', value: base.machineKeyIndex },
    { label: 'langCodes', value: input.langCodes.join(',') },
    { label: 'consentOfApplicant', value: input.consent ? 'Agreed' : 'Disagreed' },
  ];
  const operationsData: Label[] = [
    { label: 'officerId', value: ops.officerId },
    { label: 'officerBiometricFileName', value: null },
    { label: 'supervisorId', value: ops.supervisorId },
    { label: 'supervisorBiometricFileName', value: null },
    { label: 'supervisorPassword', value: String(ops.supervisorPassword) },
    { label: 'officerPassword', value: String(ops.officerPassword) },
    { label: 'supervisorPIN', value: null },
    { label: 'officerPIN', value: null },
    { label: 'supervisorOTPAuthentication', value: String(ops.supervisorOtp) },
    { label: 'officerOTPAuthentication', value: String(ops.officerOtp) },
  ];
  const meta: Record<string, unknown> = {
    metaData,
    operationsData,
    capturedRegisteredDevices: capturedDevices(input),
    documents: Object.entries(input.documents).map(([name, d]) => ({
      documentCategory: d.category,
      documentName: name,
      documentOwner: d.owner,
      documentType: d.type,
      refNumber: d.refNumber,
    })),
    biometrics: biometricsMeta(input, base.birIndexes),
    exceptionBiometrics: exceptionMeta(input),
    checkSum: {},
    registrationId: base.rid,
    creationDate: utcIsoMillis(base.now),
  };
  // The writer adds one key per document field holding its type code (reference §1.6).
  for (const [name, d] of Object.entries(input.documents)) meta[name] = d.type;
  return meta;
}

function capturedDevices(input: RegistrationInput): unknown[] {
  const seen = new Map<string, unknown>();
  for (const field of Object.values(input.biometrics)) {
    for (const c of field.captures) {
      if (!seen.has(c.device.deviceCode)) seen.set(c.device.deviceCode, c.device);
    }
  }
  return [...seen.values()];
}

function biometricsMeta(input: RegistrationInput, indexes: MetaInfoBase['birIndexes']): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [fieldId, field] of Object.entries(input.biometrics)) {
    out[fieldId] = {};
    for (const c of field.captures) {
      out[fieldId][c.attribute] = { numRetry: c.retries, forceCaptured: c.forceCaptured, birindex: indexes[fieldId]?.[c.attribute] ?? null };
    }
    const photo = field.exceptionPhoto;
    if (photo) out[fieldId][EXCEPTION_PHOTO_ATTRIBUTE] = { numRetry: photo.retries, forceCaptured: photo.forceCaptured, birindex: indexes[fieldId]?.[EXCEPTION_PHOTO_ATTRIBUTE] ?? null };
  }
  return out;
}

function exceptionMeta(input: RegistrationInput): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [fieldId, field] of Object.entries(input.biometrics)) {
    if (field.exceptions.length === 0) continue;
    out[fieldId] = {};
    for (const e of field.exceptions) {
      out[fieldId][e.attribute] = { type: e.bioType, missingBiometric: e.attribute, reason: e.reason, exceptionType: e.reason, individualType: e.individualType ?? fieldId };
    }
  }
  return out;
}

/**
 * `{ "identity" : M } ` with the subpacket's hash sequences, in the Java writer's wrapper.
 * `seq2` undefined leaves `hashSequence2` out: packet-manager 1.2 (PacketWriterImpl.addOtherFilesToZip)
 * puts it only when it writes the default subpacket, and its HashMap of subpackets writes evidence
 * and optional before id, so only id's meta info has it.
 */
export function serializeMetaInfo(base: Record<string, unknown>, seq1: readonly HashSequenceEntry[], seq2: readonly HashSequenceEntry[] | undefined): Buffer {
  return identityWrapper(seq2 === undefined ? { ...base, hashSequence1: seq1 } : { ...base, hashSequence1: seq1, hashSequence2: seq2 });
}

/** The Java writer's exact wrapper `{ "identity" : <json> } ` (bytes are hashed, so keep them stable). */
export function identityWrapper(value: unknown): Buffer {
  return Buffer.from(`{ "identity" : ${JSON.stringify(value)} } `, 'utf8');
}
