import { z } from 'zod';

/**
 * The parts of a MOSIP ID schema (`GET /v1/syncdata/latestidschema` → `schemaJson`, shape of
 * mosip/documentation `_files/id-schema/id-schema-sample.json`) the packet engine reads.
 * Unknown keys are kept: the schema is MOSIP's document, not ours.
 */
export const IdSchemaValidator = z.looseObject({
  type: z.string(),
  validator: z.string(),
  arguments: z.array(z.unknown()).optional(),
});

export const IdSchemaField = z.looseObject({
  fieldCategory: z.string().optional(),
  $ref: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  format: z.string().optional(),
  bioAttributes: z.array(z.string()).optional(),
  validators: z.array(IdSchemaValidator).nullable().optional(),
});
export type IdSchemaField = z.infer<typeof IdSchemaField>;

export const IdSchemaJson = z.looseObject({
  properties: z.looseObject({
    identity: z.looseObject({
      required: z.array(z.string()).default([]),
      properties: z.record(z.string(), IdSchemaField),
    }),
  }),
});
export type IdSchemaJson = z.infer<typeof IdSchemaJson>;

/** How the packet writer treats a field (`PacketWriterImpl.loadSchemaFields`). */
export type IdSchemaFieldKind = 'biometric' | 'document' | 'demographic';

/** The subpackets of a 1.2 packet (`mosip.commons.packetnames`); `id` is the default one. */
export const SubpacketName = z.enum(['id', 'evidence', 'optional']);
export type SubpacketName = z.infer<typeof SubpacketName>;
export const SUBPACKET_NAMES: readonly SubpacketName[] = SubpacketName.options;
