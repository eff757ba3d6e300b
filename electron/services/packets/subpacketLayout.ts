import type { RegistrationBiometricField, RegistrationInput } from '../../../schemas/registration';
import type { SubpacketName } from '../../../schemas/registrationIdSchema';
import { buildAuditJson, type AuditHost } from './auditJson';
import { checkCapture } from './captureCheck';
import { decodeBase64Strict } from './decodeBase64Strict';
import { buildCbeffXml, type CbeffRecord } from './cbeffXml';
import { hashSequence, hashSequenceHex, type HashedFile } from './hashSequence';
import type { SchemaFieldPlan } from './idSchemaFields';
import { identityWrapper, serializeMetaInfo } from './metaInfo';
import { EXCEPTION_PHOTO_ATTRIBUTE } from './bioAttributes';

/** The default subpacket carries audit.json and the operations hash (`mosip.kernel.packet.default_subpacket_name`). */
export const DEFAULT_SUBPACKET: SubpacketName = 'id';

/** One file of a subpacket zip (flat name, unique base name). */
export interface SubpacketFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** Everything a subpacket holds, in writer order. */
export interface SubpacketContent {
  readonly name: SubpacketName;
  readonly files: readonly SubpacketFile[];
}

/** Per-registration inputs to the layout that are not in RegistrationInput. */
export interface LayoutContext {
  readonly rid: string;
  readonly fields: readonly SchemaFieldPlan[];
  readonly metaBase: Record<string, unknown>;
  readonly birIndexes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly host: AuditHost;
  readonly now: number;
}

/**
 * Files of one subpacket (`PacketWriterImpl` + reference §1.4/§1.8): biometrics and documents
 * in schema order, ID.json, audit.json (default subpacket), the two hash files and meta info.
 */
export function layoutSubpacket(input: RegistrationInput, name: SubpacketName, ctx: LayoutContext): SubpacketContent {
  const identity: Record<string, unknown> = {};
  const biometric: HashedFile[] = [];
  const documents: HashedFile[] = [];
  const files: SubpacketFile[] = [];
  for (const plan of ctx.fields) {
    if (!plan.subpackets.includes(name)) continue;
    if (plan.kind === 'biometric') {
      const field = input.biometrics[plan.id];
      if (!field || field.captures.length + field.exceptions.length === 0) continue;
      const bytes = cbeffFor(plan, field, ctx);
      const base = `${plan.id}_bio_CBEFF`;
      identity[plan.id] = { format: 'cbeff', version: 1.0, value: base };
      files.push({ fileName: `${base}.xml`, bytes });
      biometric.push({ name: base, bytes });
    } else if (plan.kind === 'document') {
      const doc = input.documents[plan.id];
      if (!doc) continue;
      const bytes = decodeBase64Strict(doc.content, `documents.${plan.id}.content`);
      identity[plan.id] = { format: doc.format, type: doc.type, value: plan.id, refNumber: doc.refNumber };
      files.push({ fileName: `${plan.id}.${doc.format}`, bytes });
      documents.push({ name: plan.id, bytes });
    } else if (plan.id === 'IDSchemaVersion') {
      identity[plan.id] = input.idSchemaVersion;
    } else if (input.demographics[plan.id] !== undefined) {
      identity[plan.id] = input.demographics[plan.id];
    }
  }
  identity.IDSchemaVersion ??= input.idSchemaVersion;
  const idJson = identityWrapper(identity);
  files.push({ fileName: 'ID.json', bytes: idJson });
  const demographic = [...documents, { name: 'ID', bytes: idJson }];
  const seq1 = hashSequence({ biometricSequence: biometric, demographicSequence: demographic }, ['biometricSequence', 'demographicSequence']);
  let seq2: ReturnType<typeof hashSequence> | undefined;
  if (name === DEFAULT_SUBPACKET) {
    const audit = buildAuditJson(input, ctx.rid, ctx.host);
    files.push({ fileName: 'audit.json', bytes: audit });
    seq2 = hashSequence({ otherFiles: [{ name: 'audit', bytes: audit }] }, ['otherFiles']);
    files.push({ fileName: 'packet_operations_hash.txt', bytes: Buffer.from(hashSequenceHex([audit]), 'ascii') });
  }
  files.push({ fileName: 'packet_data_hash.txt', bytes: Buffer.from(hashSequenceHex([...biometric, ...demographic].map((f) => f.bytes)), 'ascii') });
  files.push({ fileName: 'packet_meta_info.json', bytes: serializeMetaInfo(ctx.metaBase, seq1, seq2) });
  return { name, files };
}

function cbeffFor(plan: SchemaFieldPlan, field: RegistrationBiometricField, ctx: LayoutContext): Buffer {
  const indexes = ctx.birIndexes[plan.id] ?? {};
  const photo = field.exceptionPhoto;
  // PacketHandlerServiceImpl.setBiometrics: the captured biometrics (the exception photo among them,
  // key `<field>_unknown`) first, then one empty BIR per exception
  const records: CbeffRecord[] = [
    ...field.captures.map((capture): CbeffRecord => ({ kind: 'capture', index: indexes[capture.attribute]!, capture, checked: checkCapture(plan.id, capture) })),
    ...(photo ? [{ kind: 'capture', index: indexes[EXCEPTION_PHOTO_ATTRIBUTE]!, capture: photo, checked: checkCapture(plan.id, photo), isExceptionPhoto: true } satisfies CbeffRecord] : []),
    ...field.exceptions.map((exception): CbeffRecord => ({ kind: 'exception', index: indexes[exception.attribute]!, exception, at: ctx.now })),
  ];
  const configured = plan.field.bioAttributes?.length ? plan.field.bioAttributes
    : [...field.captures.map((c) => c.attribute), ...field.exceptions.map((e) => e.attribute)];
  return buildCbeffXml(records, configured);
}
