import type { CrvsBiometricRecord, CrvsBir, CrvsPacketContent } from '../../../../schemas/crvsOnline';
import type { RegistrationBiometricCapture, RegistrationBiometricException, RegistrationBiometricField, RegistrationInput } from '../../../../schemas/registration';
import type { IdSchemaJson } from '../../../../schemas/registrationIdSchema';
import { buildAuditJson, type AuditHost } from '../../packets/auditJson';
import { CBEFF_FORMAT_TYPE } from '../../packets/bioAttributes';
import { buildMetaInfoBase } from '../../packets/metaInfo';
import { utcIsoMillis } from '../../packets/rid';

/** The processes MOSIP's CRVS integration names; only these go online. */
export const CRVS_PROCESSES: ReadonlySet<string> = new Set(['CRVS_NEW', 'CRVS_DEATH']);

export interface CrvsContentContext {
  readonly rid: string;
  readonly idSchema: IdSchemaJson;
  readonly machineKeyIndex: string;
  readonly host: AuditHost;
  readonly now: number;
}

/**
 * The createPacket content of a CRVS registration, from the same input the local packet is built
 * from: ID.json values as PacketDto `fields` (strings; JSON text for arrays and objects, as
 * RegistrationPacket.setFields reads them), the meta info and audit.json entries as string maps,
 * documents and biometrics in the writer's DTO shapes. Packet Manager encrypts and signs on the
 * server (OnlinePacketCryptoServiceImpl), so nothing here is encrypted.
 */
export function crvsPacketContent(input: RegistrationInput, c: CrvsContentContext): CrvsPacketContent {
  if (input.process !== 'CRVS_NEW' && input.process !== 'CRVS_DEATH') throw new TypeError(`crvsPacketContent: ${input.process} is not a CRVS process`);
  const fields: Record<string, string> = { IDSchemaVersion: String(input.idSchemaVersion) };
  for (const [id, value] of Object.entries(input.demographics)) fields[id] = typeof value === 'string' ? value : JSON.stringify(value);
  const documents: CrvsPacketContent['documents'] = {};
  for (const [id, d] of Object.entries(input.documents)) documents[id] = { document: d.content, value: id, type: d.type, format: d.format, refNumber: d.refNumber };
  const biometrics: Record<string, CrvsBiometricRecord> = {};
  for (const [id, field] of Object.entries(input.biometrics)) biometrics[id] = biometricRecord(field, c.now);
  const audits = (JSON.parse(buildAuditJson(input, c.rid, c.host).toString('utf8')) as Record<string, unknown>[]).map(stringMap);
  return {
    id: c.rid,
    additionalInfoReqId: input.additionalInfoReqId,
    refId: `${input.centreId}_${input.machineId}`,
    offlineMode: false,
    process: input.process,
    schemaVersion: String(input.idSchemaVersion),
    schemaJson: JSON.stringify(c.idSchema),
    fields,
    metaInfo: stringMap(buildMetaInfoBase(input, { rid: c.rid, machineKeyIndex: c.machineKeyIndex, birIndexes: {}, now: c.now })),
    documents,
    audits,
    biometrics,
  };
}

/** Map<String,String>: strings as they are, null as null-free "", anything else as JSON text. */
function stringMap(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

const V11 = { major: 1, minor: 1 };

/** kernel-biometrics-api BiometricRecord: one BIR per capture, then an empty one per exception (the Java client's order). */
function biometricRecord(field: RegistrationBiometricField, now: number): CrvsBiometricRecord {
  const segments = [...field.captures.map(captureBir), ...(field.exceptionPhoto ? [captureBir(field.exceptionPhoto)] : []), ...field.exceptions.map((e) => exceptionBir(e, now))];
  return { version: V11, cbeffversion: V11, birInfo: { integrity: false }, segments };
}

function bdbInfo(bioType: RegistrationBiometricCapture['bioType'], bioSubType: string, at: number, score: number): CrvsBir['bdbInfo'] {
  return {
    format: { organization: 'Mosip', type: String(CBEFF_FORMAT_TYPE[bioType]) },
    creationDate: utcIsoMillis(at),
    type: [bioType],
    subtype: bioSubType.split(' ').filter((s) => s !== ''),
    level: 'RAW',
    purpose: 'ENROLL',
    quality: { algorithm: { organization: 'HMAC', type: 'SHA-256' }, score },
  };
}

function captureBir(c: RegistrationBiometricCapture): CrvsBir {
  return {
    version: V11, cbeffversion: V11, birInfo: { integrity: false },
    bdbInfo: bdbInfo(c.bioType, c.bioSubType, c.capturedAt, c.qualityScore),
    bdb: c.iso,
    // the SBI's signed capture data travels as PAYLOAD, as the Java client's BIRs carry it
    others: { EXCEPTION: 'false', RETRIES: String(c.retries), FORCE_CAPTURED: String(c.forceCaptured), PAYLOAD: c.signedData, SPEC_VERSION: c.specVersion },
  };
}

function exceptionBir(e: RegistrationBiometricException, now: number): CrvsBir {
  return { version: V11, cbeffversion: V11, birInfo: { integrity: false }, bdbInfo: bdbInfo(e.bioType, e.bioSubType, now, 0), bdb: null, others: { EXCEPTION: 'true', RETRIES: '0', FORCE_CAPTURED: 'false' } };
}
