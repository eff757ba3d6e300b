import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MosipSimulator, Route } from '../MosipSimulator';
import { AUTHMANAGER, KEYMANAGER, SYNCDATA } from '../mosipCodes';
import type { SimMachine, SimUser } from '../SimState';
import { b64url, clientCryptoEncrypt, rsaSha256Verify, unb64 } from '../simCrypto';
import { errorReply, mosipTime, okReply, type SimReply, type SimRequest } from '../simHttp';
import { entityFileRoutes, urlDetailOf } from './entityFiles';

// MOSIP's sample schema, copied into the repository (test/fixtures/README.md) so a clone alone runs.
const ID_SCHEMA_PATH = new URL('../../../fixtures/mosip-docs/id-schema/id-schema-sample.json', import.meta.url);

/** syncdata + authmanager endpoints (packet-and-server-apis.md §4.1–§4.3). */
export function syncdataRoutes(sim: MosipSimulator): Route[] {
  const now = () => sim.clock.now();
  const route = (method: string, pattern: RegExp, auth: boolean, handler: Route['handler']): Route => ({ method, pattern, auth, handler });
  return [
    route('POST', /^\/v1\/syncdata\/authenticate\/useridpwd$/, false, (req) => authenticate(sim, req)),
    route('POST', /^\/v1\/authmanager\/authenticate\/clientidsecretkey$/, false, (req) => clientIdSecretKey(sim, req)),
    // Spring Boot's actuator, open, unwrapped: registration-client probes `mosip.reg.healthcheck.url`
    // (default .../v1/authmanager/actuator/health) and counts only a 2xx as online (ServiceDelegateUtil.isNetworkAvailable)
    route('GET', /^\/v1\/authmanager\/actuator\/health$/, false, () => ({ status: 200, headers: { 'content-type': 'application/vnd.spring-boot.actuator.v3+json' }, body: '{"status":"UP"}' })),
    route('GET', /^\/v1\/syncdata\/getCertificate$/, true, (req) => getCertificate(sim, req)),
    // @PreAuthorize'd in MOSIP (admin-services SyncDataController.validateKeyMachineMapping): a token is needed
    route('POST', /^\/v1\/syncdata\/tpm\/publickey\/verify$/, true, (req) => verifyPublicKey(sim, req)),
    route('GET', /^\/v1\/syncdata\/v2\/clientsettings$/, true, (req) =>
      withMachine(sim, req.query.get('keyindex'), (m) => clientSettings(sim, req, m)),
    ),
    ...entityFileRoutes(sim, (keyIndex, fn) => withMachine(sim, keyIndex, fn), (m, plain) => b64url(clientCryptoEncrypt(machineKey(m.publicKey!), Buffer.from(plain, 'utf8')))),
    route('GET', /^\/v1\/syncdata\/configs\/([^/]+)$/, true, (_req, match) =>
      withMachine(sim, decodeURIComponent(match[1]!), (m) =>
        okReply(now(), 'mosip.syncdata.configs', {
          configDetail: {
            globalConfiguration: encryptJson(m, sim.state.data.configs.global),
            registrationConfiguration: encryptJson(m, sim.state.data.configs.registration),
          },
        }),
      ),
    ),
    route('GET', /^\/v1\/syncdata\/v2\/userdetails$/, true, (req) =>
      withMachine(sim, req.query.get('keyindex'), (m) => {
        const users = Object.values(sim.state.data.users)
          .filter((u) => u.regCenterId === m.centreId)
          .map((u) => ({ userId: u.userId, name: u.name, langCode: u.langCode, regCenterId: u.regCenterId, isActive: u.isActive, roles: u.roles }));
        return okReply(now(), 'mosip.syncdata.userdetails', { lastSyncTime: mosipTime(now()), userDetails: encryptJson(m, users) });
      }),
    ),
    route('GET', /^\/v1\/syncdata\/latestidschema$/, true, () => {
      const schemaJson = readFileSync(sim.idSchemaPath ?? ID_SCHEMA_PATH, 'utf8');
      return okReply(now(), 'mosip.syncdata.idschema', {
        id: 'sim-schema-0.1',
        idVersion: 0.1,
        title: 'MOSIP identity',
        description: 'São Tomé and Príncipe (simulator)',
        schemaJson,
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        settings: null,
      });
    }),
    route('GET', /^\/v1\/syncdata\/getcacertificates$/, true, (req) => {
      const since = Date.parse(req.query.get('lastupdated') ?? '') || 0;
      const list = sim.state.data.caCertificates.filter((c) => c.updatedAt > since).map((c) => c.row);
      return okReply(now(), 'mosip.syncdata.cacertificates', { certificateDTOList: list, lastSyncTime: mosipTime(now()) });
    }),
  ];
}

function withMachine(sim: MosipSimulator, keyIndex: string | null, fn: (m: SimMachine) => SimReply): SimReply {
  const machine = keyIndex ? sim.state.machineByKeyIndex(keyIndex) : undefined;
  if (!machine) return errorReply(sim.clock.now(), 'mosip.syncdata', SYNCDATA.MACHINE_NOT_FOUND, 'Machine not found');
  return fn(machine);
}

function machineKey(base64: string): KeyObject {
  return createPublicKey({ key: unb64(base64), format: 'der', type: 'spki' });
}

function encryptJson(machine: SimMachine, value: unknown): string {
  return b64url(clientCryptoEncrypt(machineKey(machine.publicKey!), Buffer.from(JSON.stringify(value), 'utf8')));
}

function parseWrapper(req: SimRequest): { request?: unknown } | undefined {
  try {
    return JSON.parse(req.body.toString('utf8')) as { request?: unknown };
  } catch {
    return undefined;
  }
}

/** SyncAuthTokenServiceImpl: `kid` → machine, SHA256withRSA over the raw payload, timestamp window, password. */
function authenticate(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const id = 'io.mosip.registration.auth';
  const fail = (code: string, message: string) => errorReply(now, id, code, message);
  const token = parseWrapper(req)?.request;
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return fail(SYNCDATA.AUTH_INVALID_REQUEST, 'Invalid Request');
  let header: { kid?: string };
  let payload: { userId?: string; password?: string; authType?: string; timestamp?: string; refreshToken?: string };
  const payloadBytes = unb64(parts[1]!);
  try {
    header = JSON.parse(unb64(parts[0]!).toString('utf8')) as typeof header;
    payload = JSON.parse(payloadBytes.toString('utf8')) as typeof payload;
  } catch {
    return fail(SYNCDATA.AUTH_INVALID_REQUEST, 'Invalid Request');
  }
  const machine = header.kid ? sim.state.machineBySignKeyIndex(header.kid) : undefined;
  if (!machine) return fail(header.kid ? SYNCDATA.MACHINE_NOT_FOUND : SYNCDATA.AUTH_INVALID_REQUEST, header.kid ? 'Machine not found' : 'Invalid Request');
  if (!rsaSha256Verify(machineKey(machine.signPublicKey!), payloadBytes, unb64(parts[2]!))) {
    return fail(SYNCDATA.AUTH_INVALID_REQUEST, 'Invalid Request');
  }
  const ts = Date.parse(payload.timestamp ?? '');
  if (!Number.isFinite(ts) || Math.abs(ts - now) > sim.timestampWindowMs) {
    return fail(SYNCDATA.AUTH_INVALID_REQUEST, 'Invalid Request');
  }
  const user = userFor(sim, payload, machine.centreId);
  if (!user) {
    // MOSIP 1.2.0.1 answers a refused password or refresh token with SyncAuthErrorCode.INVALID_REQUEST:
    // SyncAuthTokenServiceImpl.getAuthToken catches the authmanager failure and rethrows that code.
    return fail(SYNCDATA.AUTH_INVALID_REQUEST, 'Invalid Request');
  }
  const access = sim.issueToken(user.userId, user.roles);
  const refresh = sim.issueRefreshToken(user.userId);
  // Lifetimes in SECONDS (Keycloak expires_in), as kernel-auth-service AuthServiceImpl.authenticateUser
  // sets them and SyncAuthTokenServiceImpl.getTokenResponseDTO passes them on. On REFRESH, MOSIP
  // reports the access lifetime twice (AuthServiceImpl.refreshToken: new RefreshTokenResponse(…,
  // getExpires_in(), getExpires_in())), so refreshExpiryTime is the access token's lifetime there.
  const expiryTime = Math.floor((access.expiresAt - now) / 1000);
  const bundle = {
    token: access.token,
    refreshToken: refresh.token,
    expiryTime,
    refreshExpiryTime: payload.authType === 'REFRESH' ? expiryTime : Math.floor((refresh.expiresAt - now) / 1000),
    userId: user.userId,
    timestamp: mosipTime(now),
  };
  // Unsigned: SyncAuthTokenController.getTokenWithUserIdPwd has no @ResponseFilter.
  return okReply(now, id, encryptJson(machine, bundle), { signed: false });
}

/** NEW: user id + password; REFRESH: a live refresh token. Either way the user must be active in this centre. */
function userFor(sim: MosipSimulator, payload: { userId?: string; password?: string; authType?: string; refreshToken?: string }, centreId: string): SimUser | undefined {
  let user: SimUser | undefined;
  if (payload.authType === 'NEW') {
    user = payload.userId ? sim.state.data.users[payload.userId] : undefined;
    if (user && user.password !== payload.password) return undefined;
  } else if (payload.authType === 'REFRESH') {
    const refresh = payload.refreshToken ? sim.refreshTokens.get(payload.refreshToken) : undefined;
    if (!refresh || refresh.expiresAt <= sim.clock.now()) return undefined;
    user = sim.state.data.users[refresh.userId];
  }
  return user && user.isActive && user.regCenterId === centreId ? user : undefined;
}

function clientIdSecretKey(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const id = 'mosip.io.clientId.pwd';
  const request = parseWrapper(req)?.request as { clientId?: string; secretKey?: string } | undefined;
  const secret = request?.clientId ? sim.state.data.clients[request.clientId] : undefined;
  // MOSIP lets Keycloak's 401 escape to its default handler: HTTP 500, errorCode "500" (mosipCodes.ts AUTHMANAGER)
  if (!secret || secret !== request?.secretKey) return errorReply(now, id, AUTHMANAGER.UNHANDLED, '401 Unauthorized', 500);
  const { token } = sim.issueToken(request.clientId!, ['REGISTRATION_PROCESSOR', 'CREATE_PACKET']);
  // authmanager puts the token only in the cookie, never in the body (§4.1 b); it does not sign.
  return okReply(now, id, { status: 'success', message: 'Clientid and Token combination had been validated successfully' }, {
    signed: false,
    headers: { 'set-cookie': `Authorization=${token}; Max-Age=${Math.floor(sim.tokenLifetimeMs / 1000)}; Path=/; HttpOnly` },
  });
}

function getCertificate(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const id = 'io.mosip.syncdata.certificate';
  const app = req.query.get('applicationId');
  const ref = req.query.get('referenceId') ?? '';
  let certPem: string | undefined;
  if (app === 'KERNEL' && ref === 'SIGN') certPem = sim.pki.kernelSign.certPem;
  // no referenceId: the application's master key certificate (keymanager KeymanagerServiceImpl.getCertificate)
  else if (app === 'KERNEL' && ref === '') certPem = sim.pki.kernel.certPem;
  else if (app === 'ROOT') certPem = sim.pki.root.certPem;
  else if (app === 'REGISTRATION') {
    const [centre, machineId] = ref.split('_');
    const machine = machineId ? sim.state.data.machines[machineId] : undefined;
    if (machine && machine.centreId === centre) certPem = sim.pki.registration(ref).certPem;
  }
  if (!certPem) return errorReply(now, id, KEYMANAGER.APPLICATION_ID_NOT_VALID, `ApplicationId ${app ?? ''} / ReferenceId ${ref} not found`);
  return okReply(now, id, { certificate: certPem, certSignRequest: null, issuedAt: mosipTime(now), expiryAt: '2040-01-01T00:00:00.000Z', timestamp: mosipTime(now) });
}

/**
 * SyncMasterDataServiceImpl.validateKeyMachineMapping: the machine is found by `machineName`
 * (MachineRepository.findByMachineName: case-insensitive, not deleted — isActive is not checked),
 * then its public key must equal the one sent. Codes: admin-services MasterDataErrorCode
 * MACHINE_NOT_FOUND (KER-SNC-155) and MACHINE_PUBLIC_KEY_NOT_WHITELISTED (KER-SNC-164).
 */
function verifyPublicKey(sim: MosipSimulator, req: SimRequest): SimReply {
  const now = sim.clock.now();
  const id = 'mosip.syncdata.tpm';
  const request = parseWrapper(req)?.request as { machineName?: unknown; publicKey?: unknown } | undefined;
  const name = typeof request?.machineName === 'string' ? request.machineName.toLowerCase() : undefined;
  const machine = name === undefined ? undefined : Object.values(sim.state.data.machines).find((m) => m.name.toLowerCase() === name);
  if (!machine) return errorReply(now, id, SYNCDATA.MACHINE_NOT_FOUND, 'Machine not found');
  const der = typeof request?.publicKey === 'string' ? unb64(request.publicKey) : Buffer.alloc(0);
  if (!machine.publicKey || !unb64(machine.publicKey).equals(der)) return errorReply(now, id, SYNCDATA.PUBLIC_KEY_NOT_WHITELISTED, 'Public key not whitelisted');
  return okReply(now, id, { keyIndex: machine.keyIndex });
}

/** v2/clientsettings: full, or only rows changed after `lastUpdated` unless named in fullSyncEntities. */
function clientSettings(sim: MosipSimulator, req: SimRequest, machine: SimMachine): SimReply {
  const now = sim.clock.now();
  const since = Date.parse(req.query.get('lastUpdated') ?? '') || 0;
  const full = new Set((req.query.get('fullSyncEntities') ?? '').split(',').filter(Boolean));
  const dataToSync = [];
  for (const [entityName, rows] of Object.entries(sim.state.data.masterData)) {
    const changed = rows
      .filter((r) => full.has(entityName) || r.updatedAt > since)
      .map((r) => r.row)
      .filter((row) => belongsToCentre(entityName, row, machine.centreId));
    // a DynamicFieldDto list (rows with `fieldVal`) goes out as MOSIP sends dynamic fields
    const entityType = changed.length > 0 && changed.every((row) => Array.isArray(row['fieldVal'])) ? 'dynamic' : 'structured';
    if (changed.length > 0) dataToSync.push({ entityName, entityType, data: encryptJson(machine, changed) });
  }
  // url entities (ClientSettingsHelper.hasURLDetails: only on a full sync unless only-on-fullsync=false);
  // scripts always (SyncMasterDataServiceImpl.syncClientSettingsV2 adds getConfiguredScriptUrlDetail)
  for (const file of sim.entityFiles.values()) {
    if (file.entityType !== 'script' && file.onlyOnFullSync && since > 0) continue;
    dataToSync.push({ entityName: file.entityName, entityType: file.entityType, data: encryptJson(machine, urlDetailOf(sim, file)) });
  }
  return okReply(now, 'mosip.syncdata.clientsettings', { lastSyncTime: mosipTime(now), dataToSync });
}

function belongsToCentre(entityName: string, row: Record<string, unknown>, centreId: string): boolean {
  if (entityName === 'RegistrationCenter') return row['id'] === centreId;
  if (entityName === 'Machine') return row['regCenterId'] === centreId;
  return true;
}

