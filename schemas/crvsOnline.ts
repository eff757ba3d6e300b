import { z } from 'zod';

/**
 * A document as Packet Manager's PacketDto carries it (kernel-biometrics-api / packet-manager
 * `Document`: `document` is the byte[] Jackson writes as base64).
 */
export const CrvsPacketDocument = z.object({
  document: z.string().min(1),
  value: z.string(),
  type: z.string(),
  format: z.string(),
  refNumber: z.string().nullable(),
});
export type CrvsPacketDocument = z.infer<typeof CrvsPacketDocument>;

/** One BIR of a BiometricRecord as Jackson writes kernel-biometrics-api's `BIR` (byte[] as base64). */
export const CrvsBir = z.object({
  version: z.object({ major: z.number().int(), minor: z.number().int() }),
  cbeffversion: z.object({ major: z.number().int(), minor: z.number().int() }),
  birInfo: z.object({ integrity: z.boolean() }),
  bdbInfo: z.object({
    format: z.object({ organization: z.string(), type: z.string() }),
    creationDate: z.string(),
    type: z.array(z.string()),
    subtype: z.array(z.string()),
    level: z.string(),
    purpose: z.string(),
    quality: z.object({ algorithm: z.object({ organization: z.string(), type: z.string() }), score: z.number() }),
  }),
  bdb: z.string().nullable(),
  others: z.record(z.string(), z.string()),
});
export type CrvsBir = z.infer<typeof CrvsBir>;

export const CrvsBiometricRecord = z.object({
  version: z.object({ major: z.number().int(), minor: z.number().int() }),
  cbeffversion: z.object({ major: z.number().int(), minor: z.number().int() }),
  birInfo: z.object({ integrity: z.boolean() }),
  segments: z.array(CrvsBir),
});
export type CrvsBiometricRecord = z.infer<typeof CrvsBiometricRecord>;

/**
 * What a CRVS packet sends to `PUT /commons/v1/packetmanager/createPacket`: packet-manager
 * release-1.2.0.x `PacketDto` (id, additionalInfoReqId, refId, offlineMode, process, source,
 * schemaVersion, schemaJson, fields, metaInfo, documents, audits, biometrics), all but `source`,
 * which the deployment's setting supplies when it is sent. Field values are strings, JSON text for
 * arrays and objects (RegistrationPacket.setFields).
 */
export const CrvsPacketContent = z.object({
  id: z.string().regex(/^\d{29}$/, 'the RID is 29 digits'),
  additionalInfoReqId: z.string().nullable(),
  refId: z.string().regex(/^\d+_\d+$/, 'refId is <centre>_<machine>'),
  offlineMode: z.literal(false),
  process: z.enum(['CRVS_NEW', 'CRVS_DEATH']),
  schemaVersion: z.string(),
  schemaJson: z.string().min(2),
  fields: z.record(z.string(), z.string()),
  metaInfo: z.record(z.string(), z.string()),
  documents: z.record(z.string(), CrvsPacketDocument),
  audits: z.array(z.record(z.string(), z.string())).min(1, 'Packet Manager needs at least one audit'),
  biometrics: z.record(z.string(), CrvsBiometricRecord),
});
export type CrvsPacketContent = z.infer<typeof CrvsPacketContent>;

/** One written subpacket in createPacket's answer (packet-manager `PacketInfo`); only `id` is read. */
export const CrvsPacketInfo = z.looseObject({ id: z.string() });

/** workflowinstance's `response` (registration-processor-core WorkflowInstanceResponse). */
export const CrvsWorkflowInstance = z.object({ workflowInstanceId: z.string().min(1) });
