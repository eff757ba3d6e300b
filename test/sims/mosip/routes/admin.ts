import { createPublicKey } from 'node:crypto';
import type { MosipSimulator, Route } from '../MosipSimulator';
import { parseFault } from '../faults';
import { fingerprint, sha256HexUpper, unb64 } from '../simCrypto';
import { pemToDer } from '../simPki';
import { jsonReply, type SimReply, type SimRequest } from '../simHttp';
import { requestAdditionalInfo } from './additionalInfo';
import { parseEntityFile } from './entityFiles';
import { advancePackets } from './regproc';
import { listIdentities, putIdentity } from '../idRepo';
import { deliveriesOf } from './websub';
import { consumePreRegistration, preRegistrationsOf, upsertPreRegistration } from './preregistration';

/** Admin endpoints under `/_sim/` (no auth; the simulator binds 127.0.0.1 only). */
export function adminRoutes(sim: MosipSimulator): Route[] {
  const r = (method: string, path: string, handler: (req: SimRequest) => Promise<SimReply> | SimReply): Route => ({
    method,
    pattern: new RegExp(`^/_sim/${path}$`),
    auth: false,
    handler: async (req) => {
      try {
        return await handler(req);
      } catch (err) {
        return jsonReply(400, { error: (err as Error).message });
      }
    },
  });
  return [
    r('POST', 'machines', (req) => jsonReply(200, registerMachine(sim, body(req)))),
    r('POST', 'users', (req) => {
      const u = body(req);
      if (typeof u['userId'] !== 'string') throw new Error('userId is required');
      const existing = sim.state.data.users[u['userId']];
      sim.state.data.users[u['userId']] = {
        userId: u['userId'],
        name: str(u['name'], existing?.name ?? u['userId']),
        password: str(u['password'], existing?.password ?? ''),
        roles: Array.isArray(u['roles']) ? (u['roles'] as string[]) : (existing?.roles ?? ['REGISTRATION_OFFICER']),
        regCenterId: str(u['regCenterId'], existing?.regCenterId ?? '10001'),
        langCode: str(u['langCode'], existing?.langCode ?? 'por'),
        isActive: typeof u['isActive'] === 'boolean' ? u['isActive'] : (existing?.isActive ?? true),
        updatedAt: sim.clock.now(),
      };
      sim.state.save();
      return jsonReply(200, { ok: true });
    }),
    r('POST', 'masterdata', (req) => jsonReply(200, upsertMasterData(sim, body(req)))),
    r('POST', 'pki/rotate-sign', (req) => {
      const b = body(req);
      const pair = sim.pki.rotateKernelSign(b['trusted'] !== false, b['kernel'] === true);
      return jsonReply(200, { certificate: pair.certPem });
    }),
    r('POST', 'entityfiles', (req) => {
      const file = parseEntityFile(body(req));
      sim.entityFiles.set(file.entityName, file);
      return jsonReply(200, { ok: true });
    }),
    r('POST', 'cacerts', (req) => {
      const b = body(req);
      if (typeof b['certData'] !== 'string' || !b['certData'].includes('BEGIN CERTIFICATE')) throw new Error('certData must be a PEM certificate');
      const thumb = sha256HexUpper(pemToDer(b['certData'])).toLowerCase();
      const row = { certId: str(b['certId'], thumb.slice(0, 16)), certData: b['certData'], certThumbprint: thumb, partnerDomain: str(b['partnerDomain'], 'DEVICE'), isDeleted: b['isDeleted'] === true, updatedtimes: new Date(sim.clock.now()).toISOString() };
      sim.state.data.caCertificates = [...sim.state.data.caCertificates.filter((c) => c.row['certId'] !== row.certId), { updatedAt: sim.clock.now(), row }];
      sim.state.save();
      return jsonReply(200, row);
    }),
    r('POST', 'faults', (req) => {
      const b = body(req);
      const list = Array.isArray(b['faults']) ? (b['faults'] as unknown[]) : [b];
      for (const f of list) sim.addFault(parseFault(f));
      return jsonReply(200, { faults: sim.faults.list() });
    }),
    r('DELETE', 'faults', () => {
      sim.faults.clear();
      return jsonReply(200, { faults: [] });
    }),
    r('POST', 'tokens/expire', (req) => {
      sim.expireTokens(body(req)['refresh'] === true);
      return jsonReply(200, { ok: true });
    }),
    r('POST', 'advance', async (req) => {
      const b = body(req);
      const steps = typeof b['steps'] === 'number' ? b['steps'] : 1;
      const packetId = typeof b['packetId'] === 'string' ? b['packetId'] : undefined;
      const reason = typeof b['rejectReason'] === 'string' ? b['rejectReason'] : undefined;
      for (let i = 0; i < steps; i++) await advancePackets(sim, packetId, reason);
      return jsonReply(200, stats(sim));
    }),
    r('POST', 'preregistrations', (req) => jsonReply(200, { prid: upsertPreRegistration(sim, body(req)).prid })),
    r('POST', 'preregistrations/consume', (req) => {
      const prid = body(req)['prid'];
      if (typeof prid !== 'string') throw new Error('prid is required');
      return jsonReply(200, { prid, status: consumePreRegistration(sim, prid).status });
    }),
    r('GET', 'preregistrations', () =>
      jsonReply(200, Object.values(preRegistrationsOf(sim)).map((a) => ({ prid: a.prid, centreId: a.centreId, appointmentDate: a.appointmentDate, status: a.status }))),
    ),
    r('POST', 'additionalinfo', (req) => {
      const b = body(req);
      return jsonReply(200, requestAdditionalInfo(sim, str(b['rid'], ''), str(b['process'], 'BIOMETRIC_CORRECTION')));
    }),
    r('GET', 'stats', () => jsonReply(200, stats(sim))),
    r('POST', 'identities', (req) => {
      const b = body(req);
      if (typeof b['fields'] !== 'object' || b['fields'] === null) throw new Error('fields (the identity) is required');
      const vids = Array.isArray(b['vids']) ? b['vids'].map(String) : [];
      return jsonReply(200, putIdentity(sim, b['fields'] as Record<string, unknown>, vids, typeof b['uin'] === 'string' ? b['uin'] : undefined));
    }),
    r('GET', 'identities', () => jsonReply(200, { identities: listIdentities(sim) })),
    // partner management's certificate upload (PMS partners/certificate/upload), reduced to id + PEM
    r('POST', 'partners', (req) => {
      const b = body(req);
      if (typeof b['partnerId'] !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(b['partnerId'])) throw new Error('partnerId is required');
      if (typeof b['certData'] !== 'string' || !b['certData'].includes('BEGIN CERTIFICATE')) throw new Error('certData must be a PEM certificate');
      sim.state.data.partners = { ...sim.state.data.partners, [b['partnerId']]: b['certData'] };
      sim.state.save();
      return jsonReply(200, { partnerId: b['partnerId'] });
    }),
    r('GET', 'keys', () => jsonReply(200, keyPaths(sim))),
    r('POST', 'kill', (req) => {
      const after = body(req)['reviveAfterMs'];
      // Answer first, then drop the listener; the standalone CLI uses reviveAfterMs for a real outage.
      setTimeout(() => void killAndMaybeRevive(sim, typeof after === 'number' ? after : undefined), 10);
      return jsonReply(200, { killed: true });
    }),
  ];
}

async function killAndMaybeRevive(sim: MosipSimulator, reviveAfterMs: number | undefined): Promise<void> {
  await sim.kill();
  if (reviveAfterMs !== undefined) setTimeout(() => void sim.revive(), reviveAfterMs);
}

function body(req: SimRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  const parsed = JSON.parse(req.body.toString('utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** Registers (or re-keys) a machine by its base64 SPKI DER public key, as the admin portal does. */
export function registerMachine(sim: MosipSimulator, b: Record<string, unknown>): Record<string, unknown> {
  const machineId = str(b['machineId'], '');
  const centreId = str(b['centreId'], '');
  const publicKey = str(b['publicKey'], '');
  if (!/^\d{5}$/.test(machineId) || !/^\d{5}$/.test(centreId)) throw new Error('machineId and centreId are 5 digits');
  const signPublicKey = str(b['signPublicKey'], publicKey);
  // Re-keying keeps the registered name (the machine master row's `name`, tpm/publickey/verify's lookup key).
  const existing = sim.state.data.machines[machineId];
  // Parse both keys so a bad key fails here, not later in a client request.
  for (const key of [publicKey, signPublicKey]) createPublicKey({ key: unb64(key), format: 'der', type: 'spki' });
  sim.state.data.machines[machineId] = {
    machineId,
    centreId,
    name: str(b['name'], existing?.name ?? `machine-${machineId}`),
    publicKey,
    signPublicKey,
    keyIndex: fingerprint(unb64(publicKey)),
    signKeyIndex: fingerprint(unb64(signPublicKey)),
    isActive: b['isActive'] !== false,
  };
  const refId = `${centreId}_${machineId}`;
  const reg = sim.pki.registration(refId);
  sim.state.save();
  return { refId, keyIndex: sim.state.data.machines[machineId]!.keyIndex, registrationKeyPath: reg.keyPath, registrationCertPath: reg.certPath };
}

function upsertMasterData(sim: MosipSimulator, b: Record<string, unknown>): Record<string, unknown> {
  const entity = str(b['entityName'], '');
  if (!entity || !Array.isArray(b['rows'])) throw new Error('entityName and rows are required');
  const rows = sim.state.data.masterData[entity] ?? [];
  const now = sim.clock.now();
  for (const row of b['rows'] as Record<string, unknown>[]) {
    const same = rows.findIndex((r) => JSON.stringify(keyOf(r.row)) === JSON.stringify(keyOf(row)));
    if (same >= 0) rows.splice(same, 1);
    rows.push({ updatedAt: now, row });
  }
  sim.state.data.masterData[entity] = rows;
  sim.state.save();
  return { entityName: entity, rows: rows.length };
}

function keyOf(row: Record<string, unknown>): unknown[] {
  return [row['id'] ?? row['code'] ?? row['docTypeCode'], row['rsnCatCode'] ?? row['docCategoryCode'], row['langCode']];
}

function stats(sim: MosipSimulator): Record<string, unknown> {
  const packets = Object.fromEntries(
    Object.values(sim.state.data.packets).map((p) => [
      p.packetId,
      { registrationId: p.registrationId, registrationType: p.registrationType, synced: p.syncCount, uploaded: p.uploadCount, status: p.status, rejectReason: p.rejectReason, uin: p.uin, additionalInfoReqId: p.additionalInfoReqId ?? null, optionalValues: p.optionalValues ?? null, created: p.createCount ?? 0, workflowInstances: p.workflowInstanceIds?.length ?? 0 },
    ]),
  );
  return { packets, requests: sim.requestCounts, websubDeliveries: deliveriesOf(sim), faults: sim.faults.list() };
}

export function keyPaths(sim: MosipSimulator): Record<string, string> {
  const out: Record<string, string> = {
    keyDir: sim.pki.keyDir,
    rootCert: sim.pki.root.certPath,
    kernelSignCert: sim.pki.kernelSign.certPath,
  };
  for (const m of Object.values(sim.state.data.machines)) {
    const refId = `${m.centreId}_${m.machineId}`;
    if (sim.pki.hasRegistration(refId)) out[`REGISTRATION_${refId}`] = sim.pki.registration(refId).keyPath;
  }
  return out;
}
