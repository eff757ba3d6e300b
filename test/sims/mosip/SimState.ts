import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A machine as the admin portal registers it: keys are base64 SPKI DER (§4.2). */
export interface SimMachine {
  machineId: string;
  centreId: string;
  name: string;
  publicKey: string | null;
  signPublicKey: string | null;
  keyIndex: string | null;
  signKeyIndex: string | null;
  isActive: boolean;
}

export interface SimUser {
  userId: string;
  name: string;
  password: string;
  roles: string[];
  regCenterId: string;
  langCode: string;
  isActive: boolean;
  updatedAt: number;
}

export type SimPacketStatus = 'SYNCED' | 'CREATED' | 'RECEIVED' | 'PROCESSING' | 'PROCESSED' | 'REJECTED';

export interface SimPacket {
  packetId: string;
  registrationId: string;
  refId: string;
  registrationType: string;
  source: string;
  hash: string;
  size: number;
  supervisorStatus: string;
  langCode: string;
  syncCount: number;
  uploadCount: number;
  status: SimPacketStatus;
  history: { status: SimPacketStatus; at: number }[];
  rejectReason: string | null;
  uin: string | null;
  /** from the RID sync; null for main processes (absent in a state file written before it existed) */
  additionalInfoReqId?: string | null;
  /** name / email / phone of the RID sync, which regproc keeps (encrypted) as the sync record's optionalValues */
  optionalValues?: { name: string | null; email: string | null; phone: string | null };
  /** set when the uploaded bytes were checked; null until then */
  validation: { ok: boolean; reason: string | null } | null;
  /** the id subpacket's ID.json `identity`, read by the packet validator (absent before it ran) */
  idJson?: Record<string, unknown> | null;
  /** createPacket calls that stored this id (each overwrites the last) */
  createCount?: number;
  /** workflow instances started for it (workflowinstance) */
  workflowInstanceIds?: string[];
}

/** One identity in the simulator's ID repository (idrepo `uin` + its VIDs). */
export interface SimIdentity {
  uin: string;
  vids: string[];
  /** the identity's fields as the packets wrote them (latest value of each) */
  fields: Record<string, unknown>;
  /** the packets that created or changed it */
  registrationIds: string[];
  /** `declaredAsDeceased` set by a death (CRVS_DEATH); the UIN stays active */
  deceased: boolean;
}

/** regproc's `additional_info_request` row (AdditionalInfoRequestDto). */
export interface SimAdditionalInfoRequest {
  additionalInfoReqId: string;
  rid: string;
  process: string;
  iteration: number;
  createdAt: number;
}

/** A master-data row plus the time the simulator last changed it, for `lastUpdated` deltas. */
export interface SimRow {
  updatedAt: number;
  row: Record<string, unknown>;
}

export interface SimSubscription {
  topic: string;
  callback: string;
  secret: string;
}

/** A pre-registration application as the pre-registration service holds it (its `ID.json` and documents). */
export interface SimPreRegistration {
  prid: string;
  centreId: string;
  /** `yyyy-MM-dd` */
  appointmentDate: string;
  fromTimeSlot: string;
  toTimeSlot: string;
  /** MOSIP application status; only `Booked` is listed by the bulk sync */
  status: 'Booked' | 'Consumed' | 'Expired' | 'Cancelled';
  updatedAt: number;
  identity: Record<string, unknown>;
  /** zip entries beside ID.json, named `<docCatCode>_<docName>` as DataSyncServiceUtil names them */
  documents: { name: string; base64: string }[];
}

export interface SimStateData {
  machines: Record<string, SimMachine>;
  users: Record<string, SimUser>;
  clients: Record<string, string>;
  masterData: Record<string, SimRow[]>;
  configs: { global: Record<string, string>; registration: Record<string, string> };
  caCertificates: SimRow[];
  packets: Record<string, SimPacket>;
  subscriptions: SimSubscription[];
  uinCounter: number;
  /** absent in a state file written before pre-registration existed */
  preRegistrations?: Record<string, SimPreRegistration>;
  /** absent in a state file written before additional-info requests existed */
  additionalInfoRequests?: Record<string, SimAdditionalInfoRequest>;
  /** absent in a state file written before the ID repository existed */
  identities?: Record<string, SimIdentity>;
  /** partner id → the certificate (PEM) partner management holds; credentials for it are encrypted to it */
  partners?: Record<string, string>;
  /** deliveries a subscriber did not take after every retry: sent again when it subscribes again */
  undelivered?: SimUndelivered[];
}

/** One message the hub could not deliver (body kept byte for byte: the HMAC covers it). */
export interface SimUndelivered {
  topic: string;
  callback: string;
  body: string;
}

/** The simulator's persisted state: one JSON file, rewritten atomically after each change. */
export class SimState {
  readonly #path: string;
  data: SimStateData;

  constructor(stateDir: string) {
    mkdirSync(stateDir, { recursive: true });
    this.#path = join(stateDir, 'state.json');
    this.data = existsSync(this.#path) ? (JSON.parse(readFileSync(this.#path, 'utf8')) as SimStateData) : emptyState();
  }

  save(): void {
    const tmp = `${this.#path}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 1));
    renameSync(tmp, this.#path);
  }

  machineBySignKeyIndex(kid: string): SimMachine | undefined {
    return Object.values(this.data.machines).find((m) => m.signKeyIndex === kid && m.isActive);
  }

  machineByKeyIndex(keyIndex: string): SimMachine | undefined {
    return Object.values(this.data.machines).find((m) => m.keyIndex === keyIndex && m.isActive);
  }
}

function emptyState(): SimStateData {
  return {
    machines: {},
    users: {},
    clients: {},
    masterData: {},
    configs: { global: {}, registration: {} },
    caCertificates: [],
    packets: {},
    subscriptions: [],
    uinCounter: 0,
    preRegistrations: {},
    additionalInfoRequests: {},
    identities: {},
  };
}
