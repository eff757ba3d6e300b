import { randomUUID } from 'node:crypto';
import type { MosipSimulator, Route } from '../MosipSimulator';
import { PACKET_UTILITY, WORKFLOW_INSTANCE } from '../mosipCodes';
import type { SimPacket } from '../SimState';
import { errorReply, mosipTime, okReply, type SimReply, type SimRequest } from '../simHttp';

/**
 * Sources the packet writer has a provider for (`provider.packetwriter.*` in MOSIP's config): the
 * registration client's and the CRVS systems' (docs.mosip.io 1.2.0 MOSIP–CRVS: source CRVS / OPENCRVS).
 */
export const WRITER_SOURCES = new Set(['REGISTRATION_CLIENT', 'CRVS', 'OPENCRVS']);
const WRITER_PROCESSES = new Set(['NEW', 'UPDATE', 'LOST', 'CRVS_NEW', 'CRVS_DEATH']);
/** `mosip.regproc.workflow-manager.instance.api-id` / `.version`: deployment properties (reference §4.8 values) */
export const WORKFLOW_API_ID = 'mosip.registration.processor.workflow.instance';
export const WORKFLOW_API_VERSION = 'v1';
/** the subpackets the sample ID schema's fields fall into (PacketWriterImpl writes one PacketInfo each) */
const SUBPACKETS = ['id', 'evidence', 'optional'];

/** Packet Manager `createPacket` and the workflow manager's `workflowinstance` (MOSIP's CRVS APIs, §4.7–§4.8). */
export function crvsOnlineRoutes(sim: MosipSimulator): Route[] {
  return [
    { method: 'PUT', pattern: /^\/commons\/v1\/packetmanager\/createPacket$/, auth: true, handler: (req) => createPacket(sim, req) },
    { method: 'POST', pattern: /^\/registrationprocessor\/v1\/workflowmanager\/workflowinstance$/, auth: true, handler: (req) => workflowInstance(sim, req) },
  ];
}

function jsonBody(req: SimRequest): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(req.body.toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * PacketWriterController.createPacket → PacketWriter.createPacket (packet-manager release-1.2.0.x):
 * the provider for source + process is looked up first (none: `KER-PUT-006` in `errors`, from
 * PacketServiceControllerAdvice); everything after that runs in a try/catch that only logs, so any
 * failure (no audits, a schema that does not parse, …) answers `response: null, errors: null`.
 * The subpackets go to the object store under the id: a second call with the same id overwrites.
 */
function createPacket(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const id = 'mosip.registration.packet.writer';
  const r = jsonBody(req)?.['request'];
  // a missing request is an NPE before any handler: Spring's default error page
  if (typeof r !== 'object' || r === null) return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 500, error: 'Internal Server Error' }) };
  const dto = r as Record<string, unknown>;
  const source = text(dto['source']) ?? '';
  const process = text(dto['process']) ?? '';
  if (!WRITER_SOURCES.has(source) || !WRITER_PROCESSES.has(process)) {
    return errorReply(now, id, PACKET_UTILITY.NO_AVAILABLE_PROVIDER, 'No available provider for given source and process');
  }
  const packetId = text(dto['id']);
  const fields = dto['fields'];
  const failed = !packetId || !text(dto['refId']) || !text(dto['schemaJson']) || !schemaParses(dto['schemaJson'])
    || typeof fields !== 'object' || fields === null || !Array.isArray(dto['audits']) || dto['audits'].length === 0;
  if (failed) return { status: 200, signed: false, body: JSON.stringify({ id, version: 'v1', responsetime: mosipTime(now), metadata: null, response: null, errors: null }) };
  const idJson = readFields(fields as Record<string, unknown>);
  const existing = sim.state.data.packets[packetId];
  sim.state.data.packets[packetId] = {
    ...(existing ?? newPacket(packetId, String(dto['refId']), process, source, now)),
    idJson,
    createCount: (existing?.createCount ?? 0) + 1,
  };
  sim.state.save();
  const info = (name: string) => ({
    id: packetId, packetName: `${packetId}_${name}`, source, process, refId: dto['refId'], schemaVersion: dto['schemaVersion'],
    signature: 'sim-signature', encryptedHash: 'sim-hash', providerName: 'PacketWriterImpl', providerVersion: 'v1.0', creationDate: mosipTime(now),
  });
  return okReply(now, id, SUBPACKETS.map(info), { signed: false });
}

function schemaParses(value: unknown): boolean {
  try {
    return typeof JSON.parse(String(value)) === 'object';
  } catch {
    return false;
  }
}

/** RegistrationPacket.setFields: a value that is JSON text of an array or object is kept as that JSON. */
function readFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // not JSON after all: kept as the string it is
      }
    }
    out[key] = value;
  }
  return out;
}

function newPacket(packetId: string, refId: string, process: string, source: string, now: number): SimPacket {
  return {
    packetId, registrationId: packetId, refId, registrationType: process, source, hash: '', size: 0,
    supervisorStatus: 'APPROVED', langCode: 'eng', syncCount: 0, uploadCount: 0, status: 'CREATED',
    history: [{ status: 'CREATED', at: now }], rejectReason: null, uin: null, validation: null, createCount: 0,
  };
}

/**
 * WorkflowInstanceApi.processURL (registration `release-1.2.0.x-Crvs-Integration`): id, version and
 * requesttime checked by WorkflowInstanceRequestValidator (`RPR-WIN-000` missing, `RPR-WIN-001`
 * invalid); WorkflowInstanceService.createWorkflowInstance refuses a second instance for the same
 * registrationId + process (`RPR-WIS-001`), else writes the sync record (supervisor APPROVED, hash "",
 * size 0, langCode eng) and a RESUMABLE status at PacketValidatorStage. It never looks for the packet:
 * a missing one fails later, in the packet validator. Always HTTP 200, unsigned.
 */
function workflowInstance(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const fail = (code: string, message: string): SimReply => ({ status: 200, signed: false, body: JSON.stringify({ id: WORKFLOW_API_ID, version: WORKFLOW_API_VERSION, responsetime: mosipTime(now), response: null, errors: [{ errorCode: code, message }] }) });
  const body = jsonBody(req);
  const request = body?.['request'] as Record<string, unknown> | undefined;
  if (!body || typeof request !== 'object' || request === null) return fail(WORKFLOW_INSTANCE.UNKNOWN_EXCEPTION, 'Unknown Exception');
  const problem = headerProblem(body);
  if (problem) return fail(problem.code, problem.message);
  const rid = text(request['registrationId']) ?? '';
  const process = text(request['process']) ?? '';
  const existing = Object.values(sim.state.data.packets).find((p) => p.registrationId === rid && p.registrationType === process && (p.syncCount > 0 || (p.workflowInstanceIds?.length ?? 0) > 0));
  if (existing) return fail(WORKFLOW_INSTANCE.ALREADY_PRESENT, 'WorkflowInstance already present');
  const workflowInstanceId = randomUUID();
  const packet = sim.state.data.packets[rid] ?? { ...newPacket(rid, '', process, text(request['source']) ?? '', now), createCount: 0 };
  packet.workflowInstanceIds = [...(packet.workflowInstanceIds ?? []), workflowInstanceId];
  packet.syncCount += 1;
  packet.registrationType = process;
  // the packet validator stage reads the packet from the store: none there fails the registration
  if (!packet.idJson) packet.validation = { ok: false, reason: 'packet not found in the packet store' };
  else packet.validation = { ok: true, reason: null };
  packet.status = 'RECEIVED';
  packet.history.push({ status: 'RECEIVED', at: now });
  sim.state.data.packets[rid] = packet;
  sim.state.save();
  return { status: 200, signed: false, body: JSON.stringify({ id: WORKFLOW_API_ID, version: WORKFLOW_API_VERSION, responsetime: mosipTime(now), response: { workflowInstanceId }, errors: null }) };
}

/** WorkflowInstanceRequestValidator.validate: id, then version, then requesttime. */
function headerProblem(body: Record<string, unknown>): { code: string; message: string } | undefined {
  const checks: [string, unknown, (v: string) => boolean][] = [
    ['id', body['id'], (v) => v.toLowerCase() === WORKFLOW_API_ID],
    ['version', body['version'], (v) => v.toLowerCase() === WORKFLOW_API_VERSION],
    ['requesttime', body['requesttime'], (v) => Number.isFinite(Date.parse(v))],
  ];
  for (const [name, value, ok] of checks) {
    if (value === undefined || value === null) return { code: WORKFLOW_INSTANCE.MISSING_INPUT, message: `Missing Request Value - ${name}` };
    if (typeof value !== 'string' || !ok(value)) return { code: WORKFLOW_INSTANCE.INVALID_INPUT, message: `Invalid Request Value - ${name}` };
  }
  return undefined;
}
