import type { MosipSimulator, Route } from '../MosipSimulator';
import { PACKET_RECEIVER, REGISTRATION_STATUS as RGS, UNVERIFIED } from '../mosipCodes';
import { checkPacket } from '../packetCheck';
import type { SimPacket, SimPacketStatus } from '../SimState';
import { envelopeDecrypt, sha256HexUpper, unb64 } from '../simCrypto';
import { errorReply, mosipTime, okReply, parseMultipart, type SimReply, type SimRequest } from '../simHttp';
import { publishCredentialIssued } from './websub';
import { ADDITIONAL_INFOID_NOT_FOUND, iterationForSyncRecord } from './additionalInfo';
import { generateUin } from '../idRepo';

const RP = '/registrationprocessor/v1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// the main processes, the sub-process, and the CRVS processes a deployment configures for regproc
const REG_TYPES = new Set(['NEW', 'UPDATE', 'LOST', 'RES_UPDATE', 'ACTIVATE', 'DEACTIVATE', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH']);
/** registration.processor.max.file.size default: 5 MB */
const MAX_PACKET_BYTES = 5 * 1024 * 1024;

/** Registration processor endpoints (§4.4–§4.6); createPacket and workflowinstance are in crvsOnline.ts. */
export function regprocRoutes(sim: MosipSimulator): Route[] {
  return [
    { method: 'POST', pattern: new RegExp(`^${RP}/registrationstatus/syncV2$`), auth: true, handler: (req) => syncV2(sim, req) },
    { method: 'POST', pattern: new RegExp(`^${RP}/packetreceiver/registrationpackets$`), auth: true, handler: (req) => receivePacket(sim, req) },
    { method: 'POST', pattern: new RegExp(`^${RP}/registrationstatus/packetexternalstatus$`), auth: true, handler: (req) => externalStatus(sim, req) },
    { method: 'POST', pattern: new RegExp(`^${RP}/registrationstatus/search$`), auth: true, handler: (req) => search(sim, req) },
  ];
}

function jsonBody<T>(req: SimRequest): T | undefined {
  try {
    return JSON.parse(req.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** syncV2: quoted b64url envelope body, `timestamp` + `Center-Machine-RefId` headers (Decryptor). */
function syncV2(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const id = 'mosip.registration.sync';
  const refId = String(req.headers['center-machine-refid'] ?? '');
  const timestamp = String(req.headers['timestamp'] ?? '');
  // MOSIP checks the timestamp only inside keymanager's decrypt, so a refusal is a decryption failure
  if (!TIMESTAMP.test(timestamp) || Math.abs(Date.parse(timestamp) - now) > sim.timestampWindowMs) {
    return errorReply(now, id, RGS.DECRYPTION_FAILED, 'Request Decryption Failed');
  }
  const [centre, machineId] = refId.split('_');
  const machine = machineId ? sim.state.data.machines[machineId] : undefined;
  if (!machine || machine.centreId !== centre || !sim.pki.hasRegistration(refId)) {
    return errorReply(now, id, RGS.DECRYPTION_FAILED, 'Request Decryption Failed');
  }
  let plain: { id?: string; version?: string; requesttime?: string; request?: Record<string, unknown>[] };
  try {
    const quoted = JSON.parse(req.body.toString('utf8')) as unknown;
    if (typeof quoted !== 'string') throw new Error('body is not a JSON string');
    const reg = sim.pki.registration(refId);
    plain = JSON.parse(envelopeDecrypt(reg.privateKey, reg.certDer, unb64(quoted)).toString('utf8')) as typeof plain;
  } catch (err) {
    return errorReply(now, id, RGS.DECRYPTION_FAILED, `Request Decryption Failed: ${(err as Error).message}`);
  }
  if (plain.id !== 'mosip.registration.sync' || !Array.isArray(plain.request)) {
    return errorReply(now, id, plain.id === undefined ? RGS.MISSING_INPUT_PARAMETER : RGS.INVALID_INPUT_PARAMETER, 'invalid request id or body');
  }
  const response: unknown[] = [];
  const errors: unknown[] = [];
  for (const record of plain.request) {
    const problem = recordProblem(record);
    const rid = String(record['registrationId'] ?? '');
    if (problem) {
      errors.push({ errorCode: problem.code, message: problem.message, registrationId: rid, status: 'FAILED' });
      continue;
    }
    upsertSynced(sim, record, refId);
    response.push({ registrationId: rid, packetId: record['packetId'], status: 'SUCCESS' });
  }
  sim.state.save();
  return { status: 200, signed: true, body: JSON.stringify({ id, version: '1.0', responsetime: mosipTime(now), response, errors: errors.length ? errors : null }) };
}

/** Each rule's code is the one SyncRegistrationServiceImpl's matching validate* method answers. */
function recordProblem(r: Record<string, unknown>): { code: string; message: string } | undefined {
  const problem = (code: string, message: string) => ({ code, message });
  if (typeof r['registrationId'] !== 'string' || r['registrationId'] === '') return problem(RGS.EMPTY_REGISTRATION_ID, 'registrationId is missing');
  if (typeof r['packetId'] !== 'string' || r['packetId'] === '') return problem(RGS.MISSING_INPUT_PARAMETER, 'packetId is missing');
  if (!REG_TYPES.has(String(r['registrationType']))) return problem(RGS.INVALID_SYNC_TYPE, `registrationType ${String(r['registrationType'])} is not allowed`);
  if (typeof r['packetHashValue'] !== 'string' || r['packetHashValue'] === '') return problem(RGS.INVALID_HASH_VALUE, 'packetHashValue is missing');
  if (typeof r['packetSize'] !== 'number' || r['packetSize'] <= 0) return problem(RGS.MISSING_INPUT_PARAMETER, 'packetSize is missing');
  if (r['supervisorStatus'] !== 'APPROVED' && r['supervisorStatus'] !== 'REJECTED') return problem(RGS.INVALID_SUPERVISOR_STATUS, 'supervisorStatus must be APPROVED or REJECTED');
  if (typeof r['langCode'] !== 'string' || r['langCode'].length !== 3) return problem(RGS.INVALID_LANGUAGE_CODE, 'langCode must be 3 characters');
  return undefined;
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function upsertSynced(sim: MosipSimulator, r: Record<string, unknown>, refId: string): void {
  const packetId = String(r['packetId']);
  const existing = sim.state.data.packets[packetId];
  const base: SimPacket = existing ?? {
    packetId,
    registrationId: String(r['registrationId']),
    refId,
    registrationType: String(r['registrationType']),
    source: 'REGISTRATION_CLIENT',
    hash: '',
    size: 0,
    supervisorStatus: '',
    langCode: '',
    syncCount: 0,
    uploadCount: 0,
    status: 'SYNCED',
    history: [{ status: 'SYNCED', at: sim.clock.now() }],
    rejectReason: null,
    uin: null,
    validation: null,
  };
  // Re-sync of an already received packet only refreshes counters, like regproc's update path. In
  // place: a validation still running for the received packet writes its verdict to this object.
  sim.state.data.packets[packetId] = Object.assign(base, {
    hash: String(r['packetHashValue']),
    size: Number(r['packetSize']),
    supervisorStatus: String(r['supervisorStatus']),
    langCode: String(r['langCode']),
    additionalInfoReqId: typeof r['additionalInfoReqId'] === 'string' && r['additionalInfoReqId'] !== '' ? r['additionalInfoReqId'] : null,
    // SyncRegistrationServiceImpl.convertDtoToEntity: RegistrationAdditionalInfoDTO {name, email, phone}
    optionalValues: { name: optionalText(r['name']), email: optionalText(r['email']), phone: optionalText(r['phone']) },
    syncCount: base.syncCount + 1,
  });
}

/** PacketReceiverServiceImpl checks: synced, `.zip`, size, hash, duplicate; then the packet is validated. */
async function receivePacket(sim: MosipSimulator, req: SimRequest): Promise<SimReply> {
  const now = sim.clock.now();
  const id = 'mosip.registration.packet';
  let file;
  try {
    file = parseMultipart(req.headers['content-type'], req.body).find((p) => p.name === 'file');
  } catch (err) {
    return errorReply(now, id, PACKET_RECEIVER.PACKET_NOT_AVAILABLE, (err as Error).message);
  }
  if (!file || !file.filename) return errorReply(now, id, PACKET_RECEIVER.PACKET_NOT_AVAILABLE, 'multipart part "file" with a filename is required');
  if (!file.filename.endsWith('.zip')) return errorReply(now, id, PACKET_RECEIVER.INVALID_PACKET_FORMAT, 'packet file must end with .zip');
  const packetId = file.filename.slice(0, file.filename.indexOf('.'));
  const packet = sim.state.data.packets[packetId];
  if (!packet) return errorReply(now, id, PACKET_RECEIVER.NOT_YET_SYNCED, `packet ${packetId} is not in sync with the sync table`);
  packet.uploadCount += 1;
  sim.state.save();
  if (packet.status !== 'SYNCED') return errorReply(now, id, PACKET_RECEIVER.DUPLICATE_PACKET, `duplicate packet ${packetId}`);
  if (file.data.length > MAX_PACKET_BYTES) return errorReply(now, id, PACKET_RECEIVER.INVALID_PACKET_SIZE, 'packet exceeds the maximum size');
  if (file.data.length !== packet.size) return errorReply(now, id, PACKET_RECEIVER.SIZE_MISMATCH, `size ${file.data.length} differs from synced size ${packet.size}`);
  if (sha256HexUpper(file.data) !== packet.hash) return errorReply(now, id, PACKET_RECEIVER.HASH_MISMATCH, 'packet hash differs from the synced hash');
  // storePacket → getIterationForSyncRecord: a sub-process packet needs its request, else nothing is stored
  if (iterationForSyncRecord(sim, packet.registrationType, packet.additionalInfoReqId ?? null) === undefined) {
    return errorReply(now, id, ADDITIONAL_INFOID_NOT_FOUND.code, ADDITIONAL_INFOID_NOT_FOUND.message);
  }
  const machine = sim.state.data.machines[packet.refId.split('_')[1]!];
  setStatus(sim, packet, 'RECEIVED');
  sim.state.save();
  // MOSIP's receiver stores the packet and answers; decryption and validation run in later stages
  // (packet validator), whose verdict shows up as the status. advancePackets waits for them.
  const validation = (async () => {
    try {
      const { idJson, ...verdict } = await checkPacket(file.data, sim.pki.registration(packet.refId), machine?.signPublicKey ?? null, packet.registrationId);
      packet.validation = verdict;
      packet.idJson = idJson ?? null;
    } catch (err) {
      packet.validation = { ok: false, reason: `validation crashed: ${(err as Error).message}` };
    }
    sim.state.save();
  })();
  sim.pendingValidations.add(validation);
  void validation.finally(() => sim.pendingValidations.delete(validation));
  return okReply(now, id, { status: 'PACKET_RECEIVED' });
}

function setStatus(sim: MosipSimulator, packet: SimPacket, status: SimPacketStatus): void {
  packet.status = status;
  packet.history.push({ status, at: sim.clock.now() });
}

/**
 * Moves received packets one stage on: RECEIVED → PROCESSING → PROCESSED (UIN issued, credential
 * published) or REJECTED (failed validation, supervisor rejection, or a forced reason). Driven by
 * `POST /_sim/advance` so tests never wait for time to pass.
 */
export function advancePackets(sim: MosipSimulator, packetId?: string, rejectReason?: string): Promise<SimPacket[]> {
  // one advance at a time, as regproc's stages take a packet in turn: two overlapping advances could
  // move a packet to PROCESSED before the validation of its upload (its ID.json) had finished
  const previous = advancing.get(sim);
  const next = (async () => {
    // the previous advance's failure was its caller's to handle; this one still runs
    await previous?.catch(() => undefined);
    return advanceOnce(sim, packetId, rejectReason);
  })();
  advancing.set(sim, next);
  return next;
}

const advancing = new WeakMap<MosipSimulator, Promise<unknown>>();

async function advanceOnce(sim: MosipSimulator, packetId?: string, rejectReason?: string): Promise<SimPacket[]> {
  await Promise.all([...sim.pendingValidations]);
  const moved: SimPacket[] = [];
  for (const packet of Object.values(sim.state.data.packets)) {
    if (packetId !== undefined && packet.packetId !== packetId) continue;
    if (packet.status === 'RECEIVED') setStatus(sim, packet, 'PROCESSING');
    else if (packet.status === 'PROCESSING') {
      const reason = rejectReason ?? rejectionOf(packet);
      if (reason) {
        packet.rejectReason = reason;
        setStatus(sim, packet, 'REJECTED');
      } else {
        const outcome = generateUin(sim, packet);
        if ('reason' in outcome) {
          packet.rejectReason = outcome.reason;
          setStatus(sim, packet, 'REJECTED');
        } else {
          packet.uin = outcome.uin;
          setStatus(sim, packet, 'PROCESSED');
          await publishCredentialIssued(sim, packet);
        }
      }
    } else continue;
    moved.push(packet);
  }
  sim.state.save();
  return moved;
}

function rejectionOf(packet: SimPacket): string | null {
  if (packet.supervisorStatus === 'REJECTED') return 'rejected by the supervisor';
  if (packet.validation && !packet.validation.ok) return packet.validation.reason;
  return null;
}

function externalCode(status: SimPacketStatus): string {
  switch (status) {
    case 'SYNCED':
      return 'UPLOAD_PENDING';
    case 'CREATED':
    case 'RECEIVED':
    case 'PROCESSING':
      return 'RECEIVED';
    case 'PROCESSED':
      return 'ACCEPTED';
    case 'REJECTED':
      return 'REJECTED';
    default: {
      const never: never = status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}

function externalStatus(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const body = jsonBody<{ request?: { packetId?: string }[] }>(req);
  if (!Array.isArray(body?.request) || body.request.length === 0) return errorReply(now, 'mosip.registration.packet.external.status', UNVERIFIED.STATUS_REQUEST_LIST, 'request list is empty');
  const response = [];
  const errors = [];
  for (const { packetId } of body.request) {
    const packet = packetId ? sim.state.data.packets[packetId] : undefined;
    if (packet) response.push({ packetId, statusCode: externalCode(packet.status) });
    else errors.push({ errorCode: RGS.PACKET_ID_NOT_FOUND, message: 'PacketId Not Found', packetId });
  }
  return { status: 200, signed: true, body: JSON.stringify({ id: 'mosip.registration.packet.external.status', version: '1.0', responsetime: mosipTime(now), response, errors: errors.length ? errors : null }) };
}

function search(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const body = jsonBody<{ request?: { registrationId?: string }[] }>(req);
  if (!Array.isArray(body?.request) || body.request.length === 0 || body.request.length > 100) {
    return errorReply(now, 'mosip.registration.status', UNVERIFIED.STATUS_REQUEST_LIST, 'request must list 1 to 100 registration ids');
  }
  const response = [];
  const errors = [];
  for (const { registrationId } of body.request) {
    // a correction shares its RID with the first packet: the latest synced one is the RID's status
    // createPacket alone writes no registration record (only workflowinstance does): not found yet
    const packet = Object.values(sim.state.data.packets).filter((p) => p.registrationId === registrationId && p.status !== 'CREATED').at(-1);
    if (!packet) errors.push({ errorCode: RGS.RID_NOT_FOUND, message: 'RID Not Found', registrationId });
    else response.push({ registrationId, statusCode: packet.status === 'SYNCED' ? 'UPLOAD_PENDING' : packet.status, additionalInfoReqId: packet.additionalInfoReqId ?? null });
  }
  return { status: 200, signed: true, body: JSON.stringify({ id: 'mosip.registration.status', version: '1.0', responsetime: mosipTime(now), response, errors: errors.length ? errors : null }) };
}
