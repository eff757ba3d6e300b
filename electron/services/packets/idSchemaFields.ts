import type { IdSchemaField, IdSchemaFieldKind, IdSchemaJson, SubpacketName } from '../../../schemas/registrationIdSchema';

/** One ID-schema field as the packet writer sees it. */
export interface SchemaFieldPlan {
  readonly id: string;
  readonly kind: IdSchemaFieldKind;
  readonly subpackets: readonly SubpacketName[];
  readonly field: IdSchemaField;
}

/** `fieldCategory` → subpackets (`PacketWriterImpl.loadSchemaFields`); missing or `none` ⇒ all three. */
export function subpacketsFor(category: string | undefined): readonly SubpacketName[] {
  switch ((category ?? 'none').toLowerCase()) {
    case 'pvt':
    case 'kyc':
      return ['id'];
    case 'evidence':
      return ['evidence'];
    case 'optional':
      return ['optional'];
    default:
      return ['id', 'evidence', 'optional'];
  }
}

/** `$ref` (else `type`) decides the kind: biometricsType, documentType, anything else is a value. */
export function kindOf(field: IdSchemaField): IdSchemaFieldKind {
  const ref = field.$ref ?? (typeof field.type === 'string' ? field.type : '');
  if (ref === '#/definitions/biometricsType') return 'biometric';
  if (ref === '#/definitions/documentType') return 'document';
  return 'demographic';
}

/** Every identity field in schema order with its kind and subpackets. */
export function planSchemaFields(schema: IdSchemaJson): SchemaFieldPlan[] {
  return Object.entries(schema.properties.identity.properties).map(([id, field]) => ({
    id,
    kind: kindOf(field),
    subpackets: subpacketsFor(field.fieldCategory),
    field,
  }));
}
