import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, isAppError } from '../../../schemas/errors';
import { MOSIP_ERROR } from '../../../schemas/mosipErrorCodes';
import {
  CaCertificatesResponse,
  CertificateResponse,
  ClientSettingsResponse,
  ClientSettingsEntity,
  ConfigProperties,
  ConfigsResponse,
  IdSchemaResponse,
  PublicKeyVerifyResponse,
  SyncedUser,
  TokenBundle,
  UserDetailsResponse,
} from '../../../schemas/mosipSync';
import type { DownSyncJob, DownSyncJobResult, DownSyncSummary, ServerSession } from '../../../schemas/sync';
import type { MachineKey } from '../../../native/keystore/machineKeyStore';
import { writeFileAtomic } from '../../../native/keystore/wrappedSecretFile';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { applyMasterDataRows } from '../db/repos/masterData';
import { applyCaCertificates, getCertificate, putCertificate } from '../db/repos/syncCertificates';
import { replaceConfig } from '../db/repos/syncConfig';
import { getSyncControl, recordSyncFailure, recordSyncSuccess } from '../db/repos/syncControl';
import { putIdSchema } from '../db/repos/idSchemas';
import { applySyncedOperators } from '../db/repos/syncedOperators';
import { buildRefreshRequest, buildUserIdPwdRequest, readTokenClaims, tokenExpiries } from './authToken';
import { decryptClientCryptoJson } from './clientCrypto';
import { asMachineError } from './classifyMosipError';
import { MosipHttpClient, parseOrThrow } from './MosipHttpClient';
import { DYNAMIC_FIELD_ENTITY, masterDataRowKey } from './masterDataKeys';
import { syncSignCertificate } from './signCertificateSync';
import { formatMosipTime } from './mosipTime';
import { parseCertificate } from './parseCertificate';
import { DEFAULT_MAX_ENTITY_BYTES, entityBatch, type UrlEntityRows } from './urlEntities';

export interface MosipSyncServiceOptions {
  readonly db: DB;
  readonly clock: Clock;
  readonly machineKey: MachineKey;
  readonly centreId: string;
  readonly machineId: string;
  /** its name in MOSIP's machine master, which `tpm/publickey/verify` looks it up by; read at each check */
  readonly machineName?: () => string | undefined;
  readonly serverUrl: string;
  /** `<dataDir>/certs/REGISTRATION.pem` is written here for the packet engine */
  readonly dataDir: string;
  readonly audit?: AuditLog;
  readonly timeoutMs?: number;
  /** sent as `version` on syncdata calls (the server maps upgrades by it) */
  readonly clientVersion?: string;
  /** cap on one downloaded `*-url` entity file (default DEFAULT_MAX_ENTITY_BYTES) */
  readonly maxEntityBytes?: number;
}

/** Relative path of the REGISTRATION certificate the packet engine encrypts to. */
export const REGISTRATION_CERT_FILE = join('certs', 'REGISTRATION.pem');

/**
 * Client side of MOSIP syncdata: machine check, operator login (signed useridpwd), and the
 * down-sync jobs (certificates, master data, configs, user details, ID schema, CA certificates),
 * each written through the repositories and recorded in `sync_control`.
 */
export class MosipSyncService {
  readonly http: MosipHttpClient;
  readonly #o: MosipSyncServiceOptions;
  #session: (ServerSession & { token: string; refreshToken?: string }) | undefined;
  #signKey: KeyObject | undefined;
  #preRegistrationJob: ((signal?: AbortSignal) => Promise<number>) | undefined;

  constructor(options: MosipSyncServiceOptions) {
    this.#o = options;
    this.http = new MosipHttpClient({
      baseUrl: options.serverUrl,
      clock: options.clock,
      timeoutMs: options.timeoutMs,
      token: () => this.#session?.token,
      signKey: () => this.#pinnedSignKey(),
    });
  }

  get refId(): string {
    return `${this.#o.centreId}_${this.#o.machineId}`;
  }

  /** The online session, if any and not expired by the local clock. */
  get session(): ServerSession | undefined {
    const s = this.#session;
    if (!s || s.expiresAt <= this.#o.clock.now()) return undefined;
    return { userId: s.userId, roles: s.roles, expiresAt: s.expiresAt, refreshExpiresAt: s.refreshExpiresAt };
  }

  /** For other clients of the same server (the outbox): the cookie value of the session. */
  get token(): string | undefined {
    return this.session ? this.#session!.token : undefined;
  }

  /** Installs a token obtained elsewhere (authmanager clientidsecretkey for CRVS integrators). */
  useToken(userId: string, token: string, expiresAt: number): void {
    this.#session = { userId, token, expiresAt, roles: readTokenClaims(token).roles };
  }

  /**
   * Checks that the server knows this machine by its registered name with this key, and that the
   * keyIndex matches ours. Needs the session: @PreAuthorize on admin-services
   * SyncDataController.validateKeyMachineMapping (the Java client: `tpm_public_key.service.authrequired=true`).
   * @throws AppError ERR_SYNC_NOT_CONFIGURED (no machine name), ERR_SYNC_AUTH_EXPIRED (no session),
   *   ERR_SYNC_MACHINE_NOT_REGISTERED, ERR_SYNC_*
   */
  async verifyMachine(signal?: AbortSignal): Promise<string> {
    const machineName = this.#o.machineName?.()?.trim();
    if (!machineName) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'machine name (the name the administrator registered this machine under)' });
    const spki = this.#o.machineKey.spkiDer.toString('base64');
    const keyIndex = this.#o.machineKey.keyIndex;
    try {
      const json = this.#wrap('mosip.syncdata.tpm.publickey.verify', { machineName, publicKey: spki, signPublicKey: spki });
      const res = await this.#authed(() => this.http.call({ method: 'POST', path: '/v1/syncdata/tpm/publickey/verify', json, signal }, PublicKeyVerifyResponse));
      if (res.keyIndex !== keyIndex) throw new AppError('ERR_SYNC_MACHINE_NOT_REGISTERED', { keyIndex, errorCode: 'KEY_INDEX_MISMATCH' });
      return res.keyIndex;
    } catch (err) {
      throw asMachineError(err, this.#o.machineKey.keyIndex);
    }
  }

  /**
   * Online operator login: the signed useridpwd request; the token bundle comes back encrypted to
   * the machine key. The session is kept in memory only.
   * @throws AppError ERR_SYNC_LOGIN_FAILED, ERR_SYNC_MACHINE_NOT_REGISTERED, ERR_SYNC_CLOCK_SKEW, ERR_SYNC_*
   */
  async login(userId: string, password: string, signal?: AbortSignal): Promise<ServerSession> {
    return this.#authenticate(userId, buildUserIdPwdRequest(this.#o.machineKey, userId, password, this.#o.clock.now()), signal);
  }

  /**
   * Renews the session with the refresh token (authType REFRESH), so a `reauth` error during an
   * unattended sync does not need the operator while the refresh token lives.
   * @throws AppError ERR_SYNC_AUTH_EXPIRED when there is no live refresh token, ERR_SYNC_*
   */
  async refresh(signal?: AbortSignal): Promise<ServerSession> {
    const s = this.#session;
    if (!s?.refreshToken || (s.refreshExpiresAt ?? 0) <= this.#o.clock.now()) {
      throw new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint: 'session', errorCode: 'NO_REFRESH_TOKEN' });
    }
    try {
      return await this.#authenticate(s.userId, buildRefreshRequest(this.#o.machineKey, s.refreshToken, this.#o.clock.now()), signal);
    } catch (err) {
      // A refused refresh token means the operator must log in again: that is reauth, not park.
      if (isAppError(err) && err.is('ERR_SYNC_LOGIN_FAILED')) {
        throw new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint: '/v1/syncdata/authenticate/useridpwd', errorCode: err.details.errorCode }, { cause: err });
      }
      throw err;
    }
  }

  async #authenticate(userId: string, signedRequest: string, signal?: AbortSignal): Promise<ServerSession> {
    const path = '/v1/syncdata/authenticate/useridpwd';
    let encrypted: string;
    try {
      // Unsigned: SyncAuthTokenController.getTokenWithUserIdPwd has no @ResponseFilter, so
      // SyncResponseBodyAdviceConfig does not sign it (the bundle is encrypted to our key instead).
      encrypted = await this.http.call({ method: 'POST', path, auth: false, signed: false, json: this.#wrap('io.mosip.registration.auth', signedRequest), signal }, z.string().min(1));
    } catch (err) {
      this.#o.audit?.append('SYNC_SERVER_LOGIN_FAILED', userId, { code: isAppError(err) ? err.code : 'ERR_INTERNAL' });
      if (isAppError(err) && err.is('ERR_SYNC_REJECTED') && err.details.errorCode === MOSIP_ERROR.SYNC_AUTH_INVALID_REQUEST) {
        // MOSIP answers this for a refused password and an unverified signature alike (clock skew was
        // classified before from the server's time); a refused password is by far the common case.
        throw new AppError('ERR_SYNC_LOGIN_FAILED', { userId, errorCode: err.details.errorCode }, { cause: err });
      }
      throw asMachineError(err, this.#o.machineKey.keyIndex);
    }
    const bundle = parseOrThrow(path, TokenBundle, decryptClientCryptoJson(this.#o.machineKey.privateKey, encrypted, 'auth token'));
    const roles = readTokenClaims(bundle.token).roles;
    this.#session = { userId, token: bundle.token, roles, refreshToken: bundle.refreshToken, ...tokenExpiries(bundle, this.#o.clock.now()) };
    this.#o.audit?.append('SYNC_SERVER_LOGIN', userId, { roles });
    return this.session!;
  }

  /**
   * The pre-registration download (PDS_J00003), run last in every down-sync: it lives in the
   * registration area, which is assembled after this service.
   */
  setPreRegistrationJob(job: ((signal?: AbortSignal) => Promise<number>) | undefined): void {
    this.#preRegistrationJob = job;
  }

  logout(): void {
    this.#session = undefined;
  }

  /** Runs every down-sync job in order; a failing job is recorded and the others still run. */
  async downSync(options: Readonly<{ full?: boolean; signal?: AbortSignal }> = {}): Promise<DownSyncSummary> {
    const startedAt = this.#o.clock.now();
    const jobs: Partial<Record<DownSyncJob, () => Promise<number>>> = {
      signCertificate: () => this.syncSignCertificate(options.signal),
      registrationCertificate: () => this.syncRegistrationCertificate(options.signal),
      masterData: () => this.syncMasterData(options),
      configs: () => this.syncConfigs(options.signal),
      userDetails: () => this.syncUserDetails(options.signal),
      idSchema: () => this.syncIdSchema(options.signal),
      caCertificates: () => this.syncCaCertificates(options),
    };
    const preRegistration = this.#preRegistrationJob;
    if (preRegistration) jobs.preRegistration = () => preRegistration(options.signal);
    const results: DownSyncJobResult[] = [];
    for (const [job, run] of Object.entries(jobs) as [DownSyncJob, () => Promise<number>][]) {
      results.push(await this.#runJob(job, run));
      // Without a session nothing else can succeed; stop instead of sending doomed requests.
      if (results.at(-1)!.error?.retry === 'reauth') break;
    }
    const summary = { startedAt, finishedAt: this.#o.clock.now(), jobs: results };
    this.#o.audit?.append('SYNC_DOWN_COMPLETED', this.#session?.userId ?? null, { jobs: results.map((r) => ({ job: r.job, ok: r.ok, changed: r.changed, code: r.error?.code ?? null })) });
    return summary;
  }

  async #runJob(job: DownSyncJob, run: () => Promise<number>): Promise<DownSyncJobResult> {
    try {
      const changed = await run();
      return { job, ok: true, changed, error: null };
    } catch (err) {
      if (!isAppError(err)) throw err;
      recordSyncFailure(this.#o.db, job, err.code, this.#o.clock.now());
      return { job, ok: false, changed: 0, error: { code: err.code, retry: err.retry } };
    }
  }

  /**
   * Fetches KERNEL/SIGN: pinned on first use with ROOT and KERNEL; a rotated certificate is taken
   * only if it chains to the pinned ROOT (signCertificateSync.ts).
   * @throws AppError ERR_SYNC_SIGNATURE_INVALID, ERR_SYNC_SIGN_CERT_UNTRUSTED, ERR_SYNC_*
   */
  async syncSignCertificate(signal?: AbortSignal): Promise<number> {
    const path = '/v1/syncdata/getCertificate';
    const result = await syncSignCertificate({
      db: this.#o.db,
      clock: this.#o.clock,
      audit: this.#o.audit,
      userId: this.#session?.userId ?? null,
      fetch: (applicationId, referenceId) => this.#authed(() => this.http.send({ method: 'GET', path, query: { applicationId, referenceId, ...this.#version() }, signed: false, signal })),
      unwrap: (body) => this.http.unwrap(path, body, CertificateResponse),
    });
    this.#signKey = new X509Certificate(getCertificate(this.#o.db, 'KERNEL', 'SIGN')!.pem).publicKey;
    recordSyncSuccess(this.#o.db, 'signCertificate', result.timestamp, this.#o.clock.now());
    return result.changed ? 1 : 0;
  }

  /** REGISTRATION/<centre>_<machine>: stored and written to `<dataDir>/certs/REGISTRATION.pem`. */
  async syncRegistrationCertificate(signal?: AbortSignal): Promise<number> {
    const path = '/v1/syncdata/getCertificate';
    const cert = await this.#get(path, { applicationId: 'REGISTRATION', referenceId: this.refId }, CertificateResponse, signal);
    const x509 = parseCertificate(path, cert.certificate);
    if (x509.publicKey.asymmetricKeyDetails?.modulusLength !== 2048) {
      // Thumbprint detection on the server works for RSA-2048 only (§2.2).
      throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint: path, reason: 'REGISTRATION certificate is not RSA-2048' });
    }
    const thumbprint = createHash('sha256').update(x509.raw).digest('hex');
    const changed = getCertificate(this.#o.db, 'REGISTRATION', this.refId)?.thumbprint !== thumbprint;
    putCertificate(this.#o.db, 'REGISTRATION', this.refId, { pem: cert.certificate, thumbprint, syncedAt: this.#o.clock.now() });
    writeFileAtomic(join(this.#o.dataDir, REGISTRATION_CERT_FILE), cert.certificate, 0o644);
    recordSyncSuccess(this.#o.db, 'registrationCertificate', cert.timestamp ?? null, this.#o.clock.now());
    return changed ? 1 : 0;
  }

  /** v2/clientsettings: full on first run (or `full`), else the delta since the last success. */
  async syncMasterData(options: Readonly<{ full?: boolean; signal?: AbortSignal }> = {}): Promise<number> {
    const path = '/v1/syncdata/v2/clientsettings';
    const since = options.full ? undefined : getSyncControl(this.#o.db, 'masterData')?.serverTime;
    const res = await this.#get(path, { keyindex: this.#o.machineKey.keyIndex, regcenterId: this.#o.centreId, lastUpdated: since }, ClientSettingsResponse, options.signal);
    const now = this.#o.clock.now();
    let changed = 0;
    for (const entity of res.dataToSync) {
      const batch = await this.#masterDataBatch(entity, options.signal);
      if (!batch) continue;
      const rows = batch.rows.map((row) => ({ rowKey: masterDataRowKey(batch.stored, row), langCode: typeof row['langCode'] === 'string' ? row['langCode'] : '', isActive: row['isActive'] !== false, deleted: row['isDeleted'] === true, data: row }));
      const result = applyMasterDataRows(this.#o.db, batch.stored, rows, now);
      changed += result.upserted + result.removed;
    }
    recordSyncSuccess(this.#o.db, 'masterData', res.lastSyncTime, now);
    return changed;
  }

  /** One clientsettings entity as rows: inline ones decrypted, `*-url` ones downloaded and verified (urlEntities.ts). */
  async #masterDataBatch(entity: z.infer<typeof ClientSettingsEntity>, signal?: AbortSignal): Promise<UrlEntityRows | undefined> {
    const ctx = { http: this.http, serverUrl: this.#o.serverUrl, keyIndex: this.#o.machineKey.keyIndex, machinePrivateKey: this.#o.machineKey.privateKey, signKey: this.#pinnedSignKey(), maxBytes: this.#o.maxEntityBytes ?? DEFAULT_MAX_ENTITY_BYTES, extraQuery: this.#version(), signal };
    return this.#authed(() => entityBatch(ctx, entity));
  }

  /** configs/{keyIndex}: global and registration properties, each encrypted to the machine key. */
  async syncConfigs(signal?: AbortSignal): Promise<number> {
    const path = `/v1/syncdata/configs/${encodeURIComponent(this.#o.machineKey.keyIndex)}`;
    const res = await this.#get(path, {}, ConfigsResponse, signal);
    const now = this.#o.clock.now();
    let changed = 0;
    for (const [scope, data] of [
      ['global', res.configDetail.globalConfiguration],
      ['registration', res.configDetail.registrationConfiguration],
    ] as const) {
      if (!data) continue;
      const props = parseOrThrow(path, ConfigProperties, decryptClientCryptoJson(this.#o.machineKey.privateKey, data, `${scope} configuration`));
      changed += replaceConfig(this.#o.db, scope, Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === null ? '' : String(v)])), now);
    }
    recordSyncSuccess(this.#o.db, 'configs', null, now);
    return changed;
  }

  /** v2/userdetails: operators of this centre and their roles; passwords are never touched. */
  async syncUserDetails(signal?: AbortSignal): Promise<number> {
    const path = '/v1/syncdata/v2/userdetails';
    const res = await this.#get(path, { keyindex: this.#o.machineKey.keyIndex }, UserDetailsResponse, signal);
    const users = parseOrThrow(path, z.array(SyncedUser), decryptClientCryptoJson(this.#o.machineKey.privateKey, res.userDetails, 'user details'));
    const mine = users.filter((u) => !u.regCenterId || u.regCenterId === this.#o.centreId);
    const change = applySyncedOperators(
      this.#o.db,
      mine.map((u) => ({ userId: u.userId, name: u.name ?? undefined, langCode: u.langCode ?? undefined, isActive: u.isActive, regCenterId: u.regCenterId ?? undefined, roles: u.roles ?? undefined })),
      this.#o.clock.now(),
    );
    recordSyncSuccess(this.#o.db, 'userDetails', res.lastSyncTime ?? null, this.#o.clock.now());
    return change.inserted + change.updated + change.deactivated;
  }

  /** latestidschema: the schema JSON must itself parse; the whole response is kept for UI specs. */
  async syncIdSchema(signal?: AbortSignal): Promise<number> {
    const path = '/v1/syncdata/latestidschema';
    const res = await this.#get(path, { schemaVersion: '0' }, IdSchemaResponse, signal);
    try {
      JSON.parse(res.schemaJson);
    } catch (cause) {
      throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint: path, reason: 'schemaJson is not JSON' }, { cause });
    }
    putIdSchema(this.#o.db, { idVersion: res.idVersion, schemaJson: res.schemaJson, responseJson: JSON.stringify(res), effectiveFrom: res.effectiveFrom ?? undefined }, this.#o.clock.now());
    recordSyncSuccess(this.#o.db, 'idSchema', null, this.#o.clock.now());
    return 1;
  }

  /** getcacertificates: partner/device CA certificates for the device trust store (delta by lastupdated). */
  async syncCaCertificates(options: Readonly<{ full?: boolean; signal?: AbortSignal }> = {}): Promise<number> {
    const path = '/v1/syncdata/getcacertificates';
    const since = options.full ? undefined : getSyncControl(this.#o.db, 'caCertificates')?.serverTime;
    const res = await this.#get(path, { lastupdated: since }, CaCertificatesResponse, options.signal);
    const certs = res.certificateDTOList.map((c) => {
      const x509 = parseCertificate(path, c.certData);
      return {
        certId: c.certId,
        partnerDomain: c.partnerDomain ?? undefined,
        pem: c.certData,
        thumbprint: createHash('sha256').update(x509.raw).digest('hex'),
        notAfter: c.certNotAfter ?? x509.validTo,
        deleted: c.isDeleted === true,
      };
    });
    const change = applyCaCertificates(this.#o.db, certs, this.#o.clock.now());
    recordSyncSuccess(this.#o.db, 'caCertificates', res.lastSyncTime ?? null, this.#o.clock.now());
    return change.upserted + change.removed;
  }

  #version(): Record<string, string> {
    return this.#o.clientVersion ? { version: this.#o.clientVersion } : {};
  }

  #wrap(id: string, request: unknown): Record<string, unknown> {
    return { id, version: '1.0', requesttime: formatMosipTime(this.#o.clock.now()), metadata: {}, request };
  }

  async #get<S extends z.ZodType>(path: string, query: Readonly<Record<string, string | undefined>>, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
    try {
      return await this.#authed(() => this.http.call({ method: 'GET', path, query: { ...query, ...this.#version() }, signal }, schema));
    } catch (err) {
      throw asMachineError(err, this.#o.machineKey.keyIndex);
    }
  }

  /** A call that needs the session: refused locally (reauth) when the token has run out. */
  async #authed<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.session) throw new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint: 'session', errorCode: 'NO_SESSION' });
    return fn();
  }

  #pinnedSignKey(): KeyObject | undefined {
    if (this.#signKey) return this.#signKey;
    const pinned = getCertificate(this.#o.db, 'KERNEL', 'SIGN');
    if (pinned) this.#signKey = new X509Certificate(pinned.pem).publicKey;
    return this.#signKey;
  }
}
