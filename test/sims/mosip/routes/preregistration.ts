import { createPublicKey } from 'node:crypto';
import yazl from 'yazl';
import type { MosipSimulator, Route } from '../MosipSimulator';
import { PRE_REGISTRATION as PRG, UNVERIFIED } from '../mosipCodes';
import type { SimPreRegistration } from '../SimState';
import { clientCryptoEncrypt, unb64 } from '../simCrypto';
import { errorReply, okReply, type SimReply, type SimRequest } from '../simHttp';

const FETCH_IDS = 'mosip.pre-registration.datasync.fetch.ids';
const FETCH = 'mosip.pre-registration.datasync.fetch';
const DAY = 86_400_000;

/**
 * Pre-registration data sync (pre-registration `datasync` 1.2, DataSyncController):
 * `POST /preregistration/v1/sync` lists the centre's booked applications in a date window, PRID →
 * last update time; `GET /preregistration/v1/sync/{prid}/{machineId}` returns one application as a
 * `PreRegArchiveDTO` whose `zip-bytes` (ID.json + documents) is encrypted to that machine's key.
 * Errors as MOSIP sends them: PRG_DATA_SYNC_009 (no centre), PRG_CORE_REQ_019/020 (dates),
 * PRG_DATA_SYNC_001 (nothing booked), PRG_PAM_APP_005 (no such application: unknown, and also a
 * consumed one, which MOSIP moves out of the application table), PRG_DATA_SYNC_005 (archive failed,
 * e.g. the machine has no key).
 */
export function preRegistrationRoutes(sim: MosipSimulator): Route[] {
  return [
    { method: 'POST', pattern: /^\/preregistration\/v1\/sync$/, auth: true, handler: (req) => listIds(sim, req) },
    { method: 'GET', pattern: /^\/preregistration\/v1\/sync\/([^/]+)\/([^/]+)$/, auth: true, handler: (_req, m) => fetchOne(sim, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)) },
  ];
}

/** The simulator's applications (a state file from before pre-registration has none). */
export function preRegistrationsOf(sim: MosipSimulator): Record<string, SimPreRegistration> {
  sim.state.data.preRegistrations ??= {};
  return sim.state.data.preRegistrations;
}

function listIds(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  let request: { registrationCenterId?: unknown; fromDate?: unknown; toDate?: unknown } | undefined;
  try {
    request = (JSON.parse(req.body.toString('utf8')) as { request?: typeof request }).request;
  } catch {
    return errorReply(now, FETCH_IDS, UNVERIFIED.PREREG_INVALID_BODY, 'INVALID_REQUEST_BODY');
  }
  const centre = typeof request?.registrationCenterId === 'string' ? request.registrationCenterId : '';
  const from = dateOf(request?.fromDate);
  const to = request?.toDate === undefined || request.toDate === '' ? from : dateOf(request.toDate);
  if (centre === '') return errorReply(now, FETCH_IDS, PRG.INVALID_CENTRE, 'INVALID_REGISTRATION_CENTER_ID');
  if (from === undefined || to === undefined) return errorReply(now, FETCH_IDS, PRG.INVALID_DATE, 'Invalid date time format');
  if (from > to) return errorReply(now, FETCH_IDS, PRG.FROM_AFTER_TO, 'From date is greater than To date');
  const booked = Object.values(preRegistrationsOf(sim)).filter((a) => {
    const day = Date.parse(`${a.appointmentDate}T00:00:00Z`);
    return a.centreId === centre && a.status === 'Booked' && day >= from && day <= to;
  });
  if (booked.length === 0) return errorReply(now, FETCH_IDS, PRG.NO_RECORDS, 'Records not found for date range and registration center id');
  return okReply(now, FETCH_IDS, {
    transactionId: `sim-${now}`,
    countOfPreRegIds: String(booked.length),
    preRegistrationIds: Object.fromEntries(booked.map((a) => [a.prid, new Date(a.updatedAt).toISOString()])),
  });
}

async function fetchOne(sim: MosipSimulator, prid: string, machineId: string): Promise<SimReply> {
  const now = sim.clock.now();
  const app = preRegistrationsOf(sim)[prid];
  if (!app || app.status === 'Consumed' || app.status === 'Cancelled') {
    return errorReply(now, FETCH, PRG.NO_DATA_FOR_PRID, `No data found for the requested pre-registration id ${prid}`);
  }
  const machine = sim.state.data.machines[machineId];
  if (!machine?.publicKey || !machine.isActive) return errorReply(now, FETCH, PRG.ZIP_FAILED, 'Failed to create a zip file');
  const zip = await zipOf({ 'ID.json': Buffer.from(JSON.stringify({ identity: app.identity }), 'utf8'), ...Object.fromEntries(app.documents.map((d) => [d.name, Buffer.from(d.base64, 'base64')])) });
  const key = createPublicKey({ key: unb64(machine.publicKey), format: 'der', type: 'spki' });
  return okReply(now, FETCH, {
    'pre-registration-id': app.prid,
    'registration-client-id': app.centreId,
    'appointment-date': app.appointmentDate,
    'from-time-slot': app.fromTimeSlot,
    'to-time-slot': app.toTimeSlot,
    'zip-filename': app.prid,
    // Jackson writes byte[] as standard base64
    'zip-bytes': clientCryptoEncrypt(key, zip).toString('base64'),
  });
}

/** `yyyy-MM-dd` → epoch ms of that UTC day; undefined when it is not such a date. */
function dateOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

function zipOf(entries: Readonly<Record<string, Buffer>>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(bytes, name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The next unused PRID: counted, not random, so a test run is the same on every replay. */
function nextPrid(sim: MosipSimulator): string {
  const taken = preRegistrationsOf(sim);
  let n = 20_000_000_000_000 + Object.keys(taken).length;
  while (String(n) in taken) n++;
  return String(n);
}

/** Admin: adds or replaces an application (documents as base64); returns its PRID. */
export function upsertPreRegistration(sim: MosipSimulator, b: Record<string, unknown>): SimPreRegistration {
  const now = sim.clock.now();
  const prid = typeof b['prid'] === 'string' ? b['prid'] : nextPrid(sim);
  if (!/^\d{14}$/.test(prid)) throw new Error('prid must be 14 digits');
  if (typeof b['identity'] !== 'object' || b['identity'] === null || Array.isArray(b['identity'])) throw new Error('identity must be an object (ID.json identity)');
  const documents = Array.isArray(b['documents']) ? (b['documents'] as { name?: unknown; base64?: unknown }[]) : [];
  for (const d of documents) if (typeof d.name !== 'string' || typeof d.base64 !== 'string') throw new Error('each document needs name and base64');
  const app: SimPreRegistration = {
    prid,
    centreId: typeof b['centreId'] === 'string' ? b['centreId'] : '10001',
    appointmentDate: typeof b['appointmentDate'] === 'string' ? b['appointmentDate'] : new Date(now + DAY).toISOString().slice(0, 10),
    fromTimeSlot: typeof b['fromTimeSlot'] === 'string' ? b['fromTimeSlot'] : '09:00',
    toTimeSlot: typeof b['toTimeSlot'] === 'string' ? b['toTimeSlot'] : '09:15',
    status: 'Booked',
    updatedAt: now,
    identity: b['identity'] as Record<string, unknown>,
    documents: documents.map((d) => ({ name: d.name as string, base64: d.base64 as string })),
  };
  preRegistrationsOf(sim)[prid] = app;
  sim.state.save();
  return app;
}

/** Admin: marks an application consumed (its registration was processed). */
export function consumePreRegistration(sim: MosipSimulator, prid: string): SimPreRegistration {
  const app = preRegistrationsOf(sim)[prid];
  if (!app) throw new Error(`no pre-registration ${prid}`);
  app.status = 'Consumed';
  app.updatedAt = sim.clock.now();
  sim.state.save();
  return app;
}
