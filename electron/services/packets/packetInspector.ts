import { createHash, verify, type KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import type { PacketInspectCheck, PacketInspectReport } from '../../../schemas/packet';
import { RegistrationInput } from '../../../schemas/registration';
import { SUBPACKET_NAMES, type IdSchemaJson } from '../../../schemas/registrationIdSchema';
import type { HashSequenceEntry } from './hashSequence';
import { recomputeSequenceHash } from './hashSequence';
import { decryptEnvelope } from './mosipEnvelope';
import { PACKET_SOURCE } from './packetAssembler';
import { checkAgainstSchema } from './registrationValidator';
import { validateRid } from './rid';
import { unzipEntries } from './unzipEntries';

export type InspectReport = PacketInspectReport;

export interface InspectOptions {
  /** the file as uploaded */
  readonly bytes: Buffer;
  /** its file name: must be `<packetId>.zip` */
  readonly fileName: string;
  /** the registration-processor private key for REGISTRATION/<refId> */
  readonly regKey: KeyObject;
  /** SHA-256 of the REGISTRATION certificate DER; when given, every thumbprint must match */
  readonly regThumbprint?: Buffer;
  /** the machine's signing public key; when absent, signatures are reported as not checked */
  readonly machinePublicKey?: KeyObject;
  readonly idSchema: IdSchemaJson;
}

/**
 * Decrypts a packet and runs what MOSIP's receiver, uploader and packet manager check (envelope,
 * thumbprint, subpacket signatures, encryptedhash, hash sequences, meta info, ID.json against the
 * ID schema). Never throws on a bad packet: every problem is a failed check in the report.
 */
export async function inspectPacket(o: InspectOptions): Promise<InspectReport> {
  const checks: PacketInspectCheck[] = [];
  const pass = (check: string, detail = '') => checks.push({ check, ok: true, detail });
  const fail = (check: string, detail: string) => checks.push({ check, ok: false, detail });
  const packetId = basename(o.fileName).split('.')[0] ?? '';
  const rid = packetId.split('-')[0] ?? '';
  const report = (): InspectReport => ({ ok: checks.every((c) => c.ok), packetId, rid, checks });
  if (!o.fileName.endsWith('.zip')) fail('fileName', 'packet file name must end with .zip');
  const ridIssues = validateRid(rid);
  if (ridIssues.length) fail('rid', ridIssues[0]!.message);
  else pass('rid', rid);
  const m = /^(\d{29})-(\d{5})_(\d{5})-(\d{14})$/.exec(packetId);
  if (!m || !rid.startsWith(`${m[2]}${m[3]}`)) fail('packetId', `${packetId} is not <RID>-<centre>_<machine>-<yyyyMMddHHmmss>`);
  else pass('packetId', packetId);
  const refId = m ? `${m[2]}_${m[3]}` : '';
  const outer = openEnvelope('outer', o.bytes, o, pass, fail);
  if (!outer) return report();
  let container: Map<string, Buffer>;
  try {
    container = await unzipEntries(outer);
    pass('outer.zip', `${container.size} entries`);
  } catch (err) {
    fail('outer.zip', (err as Error).message);
    return report();
  }
  const process = [...container.keys()][0]?.split('/')[1] ?? '';
  for (const name of SUBPACKET_NAMES) {
    await inspectSubpacket({ name, base: `${PACKET_SOURCE}/${process}/${rid}_${name}`, container, packetId, refId, process, o, pass, fail });
  }
  return report();
}

type Pass = (check: string, detail?: string) => void;
type Fail = (check: string, detail: string) => void;

function openEnvelope(layer: string, bytes: Buffer, o: InspectOptions, pass: Pass, fail: Fail): Buffer | undefined {
  try {
    const { plain, parts } = decryptEnvelope(o.regKey, bytes);
    if (o.regThumbprint && !parts.thumbprint.equals(o.regThumbprint)) {
      fail(`${layer}.thumbprint`, 'envelope names another REGISTRATION certificate');
    } else pass(`${layer}.thumbprint`, parts.thumbprint.toString('hex').toUpperCase());
    pass(`${layer}.decrypt`);
    return plain;
  } catch (err) {
    fail(`${layer}.decrypt`, (err as Error).message || 'decryption failed');
    return undefined;
  }
}

interface SubpacketArgs {
  readonly name: string;
  readonly base: string;
  readonly container: Map<string, Buffer>;
  readonly packetId: string;
  readonly refId: string;
  readonly process: string;
  readonly o: InspectOptions;
  readonly pass: Pass;
  readonly fail: Fail;
}

async function inspectSubpacket(a: SubpacketArgs): Promise<void> {
  const { name, pass, fail } = a;
  const encrypted = a.container.get(`${a.base}.zip`);
  const metaBytes = a.container.get(`${a.base}.json`);
  if (!encrypted || !metaBytes) return fail(`${name}.present`, `${a.base}.zip/.json missing from the container`);
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(metaBytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    return fail(`${name}.metadata`, 'subpacket metadata is not JSON');
  }
  const expected = { id: a.packetId, packetname: a.base.split('/').pop(), source: PACKET_SOURCE, process: a.process, refid: a.refId };
  const wrong = Object.entries(expected).filter(([k, v]) => meta[k] !== v);
  if (wrong.length) fail(`${name}.metadata`, wrong.map(([k, v]) => `${k} is ${String(meta[k])}, expected ${v}`).join('; '));
  else pass(`${name}.metadata`);
  const hash = createHash('sha256').update(encrypted).digest('base64url');
  if (meta.encryptedhash !== hash) fail(`${name}.encryptedhash`, 'SHA-256 of the encrypted subpacket differs');
  else pass(`${name}.encryptedhash`);
  const plain = openEnvelope(name, encrypted, a.o, pass, fail);
  if (!plain) return;
  if (!a.o.machinePublicKey) pass(`${name}.signature`, 'not checked (no machine certificate given)');
  else if (typeof meta.signature !== 'string' || !verify('sha256', plain, a.o.machinePublicKey, Buffer.from(meta.signature, 'base64url'))) {
    fail(`${name}.signature`, 'machine signature does not verify over the subpacket');
  } else pass(`${name}.signature`);
  await inspectFiles(name, plain, a.o.idSchema, a.packetId.split('-')[0] ?? '', pass, fail);
}

async function inspectFiles(name: string, plain: Buffer, schema: IdSchemaJson, rid: string, pass: Pass, fail: Fail): Promise<void> {
  let files: Map<string, Buffer>;
  try {
    files = await unzipEntries(plain);
  } catch (err) {
    return fail(`${name}.zip`, (err as Error).message);
  }
  const byBase = new Map<string, Buffer>();
  for (const [file, bytes] of files) {
    const b = file.replace(/\.[^.]*$/, '').toLowerCase();
    if (file.includes('/') || byBase.has(b)) return fail(`${name}.zip`, `entry ${file} is nested or repeats a base name`);
    byBase.set(b, bytes);
  }
  pass(`${name}.zip`, `${files.size} files`);
  const lookup = (n: string) => byBase.get(n.toLowerCase());
  let meta: { hashSequence1?: HashSequenceEntry[]; hashSequence2?: HashSequenceEntry[]; metaData?: { label?: string; value?: unknown }[] };
  try {
    meta = parseIdentity(lookup('packet_meta_info')) as typeof meta;
  } catch (err) {
    return fail(`${name}.metaInfo`, (err as Error).message);
  }
  // Regproc stages read these labels (reference §1.6); the registrationId must be this packet's RID.
  const labels = new Map((meta.metaData ?? []).map((l) => [l.label, l.value]));
  const missing = ['registrationId', 'creationDate', 'registrationType', 'centerId', 'machineId'].filter((l) => !labels.has(l));
  if (missing.length) fail(`${name}.metaInfo`, `metaData lacks ${missing.join(', ')}`);
  else if (labels.get('registrationId') !== rid) fail(`${name}.metaInfo`, `metaData registrationId ${String(labels.get('registrationId'))} is not ${rid}`);
  else pass(`${name}.metaInfo`);
  checkHashFile(`${name}.dataHash`, meta.hashSequence1 ?? [], lookup('packet_data_hash'), lookup, pass, fail);
  checkHashFile(`${name}.operationsHash`, meta.hashSequence2 ?? [], lookup('packet_operations_hash'), lookup, pass, fail);
  checkIdJson(name, lookup('id'), schema, pass, fail);
}

function checkHashFile(check: string, seq: HashSequenceEntry[], recorded: Buffer | undefined, lookup: (n: string) => Buffer | undefined, pass: Pass, fail: Fail): void {
  // PacketValidator treats a missing hash file as OK; we say so instead of failing.
  if (!recorded) return pass(check, 'no hash file (accepted by the server)');
  const { hex, missing } = recomputeSequenceHash(seq, lookup);
  if (missing.length) return fail(check, `files in the sequence missing or empty: ${missing.join(', ')}`);
  if (hex !== recorded.toString('ascii')) return fail(check, 'recomputed hash differs from the hash file');
  pass(check, hex);
}

function checkIdJson(name: string, bytes: Buffer | undefined, schema: IdSchemaJson, pass: Pass, fail: Fail): void {
  let identity: Record<string, unknown>;
  try {
    identity = parseIdentity(bytes);
  } catch (err) {
    return fail(`${name}.idJson`, (err as Error).message);
  }
  const props = schema.properties.identity.properties;
  const unknown = Object.keys(identity).filter((k) => !(k in props));
  if (unknown.length) return fail(`${name}.idJson`, `fields not in the ID schema: ${unknown.join(', ')}`);
  if (typeof identity.IDSchemaVersion !== 'number') return fail(`${name}.idJson`, 'IDSchemaVersion missing');
  if (name !== 'id') return pass(`${name}.idJson`);
  // The default subpacket carries the identity: check values and required fields as the ID-object validator does.
  const demographics: Record<string, unknown> = {};
  const documents: Record<string, unknown> = {};
  const biometrics: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(identity)) {
    if (k === 'IDSchemaVersion') continue;
    const ref = props[k]?.$ref;
    if (ref === '#/definitions/documentType') documents[k] = { category: 'X', type: 'X', format: 'x', content: 'AA==' };
    else if (ref === '#/definitions/biometricsType') biometrics[k] = { captures: [], exceptions: [{ attribute: 'face', bioType: 'Face', bioSubType: '', reason: 'x' }] };
    else demographics[k] = v;
  }
  const langs = [...new Set(Object.values(demographics).flatMap((v) => (Array.isArray(v) ? v.map((e: { language?: string }) => e.language ?? '') : [])))];
  const parsed = RegistrationInput.safeParse({
    process: 'NEW', idSchemaVersion: identity.IDSchemaVersion, centreId: '00000', machineId: '00000', langCodes: langs.length ? langs : ['eng'],
    consent: true, createdAt: 0, demographics, documents, biometrics, operators: { officerId: 'x' }, audits: [{ uuid: 'x', at: 0, eventId: 'x', eventName: 'x', eventType: 'x' }],
  });
  if (!parsed.success) return fail(`${name}.idJson`, `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const issues = checkAgainstSchema(parsed.data, schema);
  if (issues.length) return fail(`${name}.idJson`, `${issues[0]!.field}: ${issues[0]!.rule}`);
  pass(`${name}.idJson`);
}

function parseIdentity(bytes: Buffer | undefined): Record<string, unknown> {
  if (!bytes) throw new Error('file missing');
  const json = JSON.parse(bytes.toString('utf8')) as { identity?: unknown };
  if (!json.identity || typeof json.identity !== 'object') throw new Error('no identity object');
  return json.identity as Record<string, unknown>;
}
