import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncEventSink } from '../../../schemas/api/syncApi';
import type { DownSyncSummary } from '../../../schemas/sync';
import { AppError } from '../../../schemas/errors';
import type { MachineKey } from '../../../native/keystore/machineKeyStore';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { PacketApprovalService } from './approval/PacketApprovalService';
import type { BackoffOptions } from './backoff';
import { AppSync } from './AppSync';
import { EndOfDay } from './endOfDay';
import { MosipSyncService } from './MosipSyncService';
import { REGISTRATION_CERT_PATH } from '../packets/RegistrationCertProvider';
import { OfflineLimitsService } from './outbox/OfflineLimitsService';
import { OutboxService, type OutboxServer } from './outbox/OutboxService';
import { PacketExportService } from './outbox/PacketExportService';
import { RetentionService } from './outbox/RetentionService';
import { PreRegistrationClient } from './PreRegistrationClient';
import { RegProcClient } from './RegProcClient';
import { CrvsOnlineClient } from './crvsOnline/CrvsOnlineClient';
import { CrvsOnlineDelivery } from './crvsOnline/CrvsOnlineDelivery';
import type { CivilRegistrationSettings } from '../../../schemas/settings';
import { SyncScheduler } from './SyncScheduler';
import { serverJobSchedules } from './serverJobSchedules';

export interface SyncServicesOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly machineKey: MachineKey;
  readonly centreId: string;
  readonly machineId: string;
  /** the name MOSIP's machine master knows this machine by (settings, else the host name) */
  readonly machineName?: () => string | undefined;
  readonly dataDir: string;
  /** `<dataDir>/packets` */
  readonly packetsDir: string;
  /** absent: everything offline works (approval, export, limits); server calls fail with ERR_SYNC_NOT_CONFIGURED */
  readonly serverUrl?: string;
  /** why the configured address is not used (saved before the https rule): server calls fail with it */
  readonly serverRefusal?: AppError;
  readonly random?: () => number;
  /** the CLI's operator credentials, to log in again when the refresh token is gone too */
  readonly credentials?: Readonly<{ userId: string; password: string }>;
  readonly onEvent?: SyncEventSink;
  readonly backoff?: BackoffOptions;
  readonly timeoutMs?: number;
  readonly retentionDays?: number;
  /** online civil-registration delivery: the supervisor's setting and the wrapped client secret (absent: always offline) */
  readonly civilRegistration?: Readonly<{ settings: () => CivilRegistrationSettings; secret: () => string }>;
  /** the supervisor's free-space floor, MB (settings), read at each check */
  readonly minFreeDiskMb?: () => number;
}

/** The sync area's services over one data dir, wired to each other. */
export interface SyncServices {
  readonly mosip: MosipSyncService | undefined;
  readonly approval: PacketApprovalService;
  readonly outbox: OutboxService;
  readonly exporter: PacketExportService;
  readonly limits: OfflineLimitsService;
  readonly retention: RetentionService;
  readonly scheduler: SyncScheduler;
  /** pre-registration datasync over the same server session; undefined without a server */
  readonly preRegistration: PreRegistrationClient | undefined;
  /** the app's "Sync now": server session, machine check, down-sync, outbox */
  readonly appSync: AppSync;
  /** a person's end of day (`sync --eod`) over the same session */
  readonly endOfDay: EndOfDay;
}

/**
 * Assembles the sync area for the app (createAppServices) and the CLI alike, so both follow the
 * same rules. The REGISTRATION certificate is read when the first RID sync needs it (it arrives
 * with the first down-sync).
 */
export function createSyncServices(o: SyncServicesOptions): SyncServices {
  const { db, audit, clock } = o;
  const mosip = o.serverUrl
    ? new MosipSyncService({ db, clock, machineKey: o.machineKey, centreId: o.centreId, machineId: o.machineId, serverUrl: o.serverUrl, dataDir: o.dataDir, audit, ...(o.machineName ? { machineName: o.machineName } : {}), ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) })
    : undefined;
  const outbox = new OutboxService({
    db, audit, clock, random: o.random ?? Math.random, packetsDir: o.packetsDir,
    server: lazyRegProc(o, mosip),
    reauth: async () => {
      if (!mosip) throw noServer(o);
      try {
        await mosip.refresh();
      } catch (err) {
        // No live refresh token: only the CLI has a password to log in again; the app asks the operator.
        if (!o.credentials) throw err;
        await mosip.login(o.credentials.userId, o.credentials.password);
      }
    },
    ...(o.backoff ? { backoff: o.backoff } : {}),
    ...(o.civilRegistration ? { crvsOnline: crvsOnlineDelivery(o, o.civilRegistration) } : {}),
    onDidChange: (item) => o.onEvent?.('outbox.onDidChange', item),
    onDidProgress: (p) => o.onEvent?.('sync.onDidProgress', p),
  });
  const retention = new RetentionService({ db, audit, clock, packetsDir: o.packetsDir, ...(o.retentionDays === undefined ? {} : { days: o.retentionDays }) });
  const needServer = async <T>(fn: (m: MosipSyncService) => Promise<T>): Promise<T> => {
    if (!mosip) throw noServer(o);
    return fn(mosip);
  };
  // the last down-sync's summary: AppSync runs it through the scheduler (so the dashboard's "last
  // sync" shows it) and reports its failed jobs
  let lastDownSync: DownSyncSummary | undefined;
  const scheduler = new SyncScheduler({
    db, clock, audit,
    jobs: {
      downSync: () => needServer(async (m) => (lastDownSync = await m.downSync())),
      outbox: () => outbox.run({ statuses: false }),
      statusPoll: () => outbox.pollStatuses(),
      retention: () => retention.run(),
    },
    onDidChange: (status) => o.onEvent?.('sync.onDidChangeSchedule', [...status]),
    serverSchedule: () => serverJobSchedules(db),
  });
  const downSyncNow = async (): Promise<DownSyncSummary> => {
    lastDownSync = undefined;
    await scheduler.runNow('downSync');
    if (lastDownSync) return lastDownSync;
    const errorCode = scheduler.status().find((j) => j.job === 'downSync')?.lastErrorCode ?? 'UNKNOWN';
    throw new AppError('ERR_SYNC_DOWN_SYNC_FAILED', { jobs: 'downSync', errorCode });
  };
  const appSync = new AppSync({
    mosip, outbox, clock, downSync: downSyncNow, machineName: () => o.machineName?.(),
    // a person asked: the server may be back, so items waiting out an automatic backoff go now
    outboxNow: (signal) => scheduler.runWith('outbox', () => outbox.run({ ignoreBackoff: true, ...(signal ? { signal } : {}) })),
  });
  const limits = new OfflineLimitsService({ db, clock, dataDir: o.dataDir, ...(o.minFreeDiskMb ? { minFreeDiskMb: o.minFreeDiskMb } : {}) });
  return {
    mosip,
    preRegistration: mosip ? new PreRegistrationClient({ server: mosip, clock, machinePrivateKey: o.machineKey.privateKey, machineId: o.machineId }) : undefined,
    approval: new PacketApprovalService({ db, audit, clock, onDidChange: (item) => o.onEvent?.('outbox.onDidChange', item) }),
    outbox,
    appSync,
    endOfDay: new EndOfDay({ appSync, outbox, limits, clock }),
    exporter: new PacketExportService({ db, audit, clock, packetsDir: o.packetsDir, dataDir: o.dataDir, machineKey: o.machineKey, centreId: o.centreId, machineId: o.machineId }),
    limits,
    retention,
    scheduler,
  };
}

/** Why there is no server: the refused address, else none was given. */
function noServer(o: SyncServicesOptions): AppError {
  return o.serverRefusal ?? new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' });
}

/** The CRVS client's own session to the same server, made on first use. */
function crvsOnlineDelivery(o: SyncServicesOptions, c: NonNullable<SyncServicesOptions['civilRegistration']>): CrvsOnlineDelivery {
  let client: CrvsOnlineClient | undefined;
  return new CrvsOnlineDelivery({
    db: o.db, clock: o.clock, settings: c.settings, secret: c.secret,
    client: () => {
      if (!o.serverUrl) throw noServer(o);
      client ??= new CrvsOnlineClient({ baseUrl: o.serverUrl, clock: o.clock, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
      return client;
    },
  });
}

/** RegProcClient built on first use: the REGISTRATION certificate exists only after a down-sync. */
function lazyRegProc(o: SyncServicesOptions, mosip: MosipSyncService | undefined): OutboxServer {
  let client: RegProcClient | undefined;
  const get = (): RegProcClient => {
    if (!mosip) throw noServer(o);
    if (client) return client;
    let pem: string;
    try {
      pem = readFileSync(join(o.dataDir, REGISTRATION_CERT_PATH), 'utf8');
    } catch (cause) {
      throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'REGISTRATION certificate (run a down-sync first)' }, { cause });
    }
    client = new RegProcClient({ http: mosip.http, clock: o.clock, refId: `${o.centreId}_${o.machineId}`, registrationCertPem: pem });
    return client;
  };
  return {
    syncPackets: (records, signal) => get().syncPackets(records, signal),
    uploadPacket: (path, signal) => get().uploadPacket(path, signal),
    searchStatus: (rids, signal) => get().searchStatus(rids, signal),
  };
}
