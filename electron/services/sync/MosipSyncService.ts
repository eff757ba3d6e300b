import { X509Certificate, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError, isAppError } from '../../../schemas/errors';
import { MOSIP_ERROR } from '../../../schemas/mosipErrorCodes';
import { CertificateResponse, PublicKeyVerifyResponse, TokenBundle } from '../../../schemas/mosipSync';
import type { DownSyncJob, DownSyncJobResult, DownSyncSummary, ServerSession } from '../../../schemas/sync';
import type { MachineKey } from '../../../native/keystore/machineKeyStore';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { getCertificate } from '../db/repos/syncCertificates';
import { recordSyncFailure, recordSyncSuccess } from '../db/repos/syncControl';
import { buildRefreshRequest, buildUserIdPwdRequest, readTokenClaims, tokenExpiries } from './authToken';
import { decryptClientCryptoJson } from './clientCrypto';
import { asMachineError } from './classifyMosipError';
import { MosipHttpClient, parseOrThrow } from './MosipHttpClient';
import { syncSignCertificate } from './signCertificateSync';
import { formatMosipTime } from './mosipTime';
import { syncCaCertificates } from './downSync/caCertificatesJob';
import { syncConfigs } from './downSync/configsJob';
import type { DeltaOptions, DownSyncContext } from './downSync/DownSyncContext';
import { syncIdSchema } from './downSync/idSchemaJob';
import { syncMasterData } from './downSync/masterDataJob';
import { syncRegistrationCertificate } from './downSync/registrationCertificateJob';
import { syncUserDetails } from './downSync/userDetailsJob';

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
  /** cap on one downloaded `*-url` entity file (default urlEntities.DEFAULT_MAX_ENTITY_BYTES) */
  readonly maxEntityBytes?: number;
}


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

  /** REGISTRATION/<centre>_<machine>: stored and written to `<dataDir>/certs/REGISTRATION.pem` (registrationCertificateJob.ts). */
  syncRegistrationCertificate(signal?: AbortSignal): Promise<number> {
    return syncRegistrationCertificate(this.#jobs, signal);
  }

  /** v2/clientsettings, full or delta (masterDataJob.ts). */
  syncMasterData(options: DeltaOptions = {}): Promise<number> {
    return syncMasterData(this.#jobs, options);
  }

  /** configs/{keyIndex} (configsJob.ts). */
  syncConfigs(signal?: AbortSignal): Promise<number> {
    return syncConfigs(this.#jobs, signal);
  }

  /** v2/userdetails (userDetailsJob.ts). */
  syncUserDetails(signal?: AbortSignal): Promise<number> {
    return syncUserDetails(this.#jobs, signal);
  }

  /** latestidschema (idSchemaJob.ts). */
  syncIdSchema(signal?: AbortSignal): Promise<number> {
    return syncIdSchema(this.#jobs, signal);
  }

  /** getcacertificates, full or delta (caCertificatesJob.ts). */
  syncCaCertificates(options: DeltaOptions = {}): Promise<number> {
    return syncCaCertificates(this.#jobs, options);
  }

  /** What the down-sync jobs see of this service: the store, the machine, and calls under the session. */
  get #jobs(): DownSyncContext {
    const o = this.#o;
    return {
      db: o.db,
      clock: o.clock,
      machineKey: o.machineKey,
      centreId: o.centreId,
      refId: this.refId,
      dataDir: o.dataDir,
      serverUrl: o.serverUrl,
      http: this.http,
      ...(o.maxEntityBytes === undefined ? {} : { maxEntityBytes: o.maxEntityBytes }),
      version: () => this.#version(),
      signKey: () => this.#pinnedSignKey(),
      get: (path, query, schema, signal) => this.#get(path, query, schema, signal),
      authed: (fn) => this.#authed(fn),
    };
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
