import { join } from 'node:path';
import type { Clock } from '../../native/time/Clock';
import { AuthService, type LockoutPolicy } from '../services/auth/AuthService';
import { SessionManager, type IdlePolicy } from '../services/auth/SessionManager';
import { seedDemo } from '../services/demo/seedDemo';
import { createLogger } from '../services/log/createLogger';
import { cleanupPacketLeftovers } from '../services/packets/leftoverCleanup';
import { PacketBuilderPool } from '../services/packets/PacketBuilderPool';
import type { PacketService } from '../services/packets/PacketService';
import { DevicesService } from '../services/devices/DevicesService';
import { TrustAnchorService } from '../services/devices/TrustAnchorService';
import { SettingsService } from '../services/settings/SettingsService';
import type { CrvsClientSecretStore } from '../services/settings/CrvsClientSecretStore';
import { civilRegistrationDelivery, crvsClientSecretStore, crvsRegistrySecretStore } from './civilRegistrationDelivery';
import { CrvsRegistryClient } from '../services/crvs/CrvsRegistryClient';
import { crvsRegistryAccess } from './crvsRegistryAccess';
import { BackupService } from '../services/backup/BackupService';
import { BACKUP_SECRET_FILE } from '../services/backup/backupLayout';
import { readDataDirKeys } from './dataDirKeys';
import { effectiveMachineName } from '../services/sync/machineName';
import { createSyncServices, type SyncServices } from '../services/sync/createSyncServices';
import { createRegistrationServices, type RegistrationServices } from '../services/registration/createRegistrationServices';
import { ScannerService } from '../services/registration/preRegistration/ScannerService';
import type { SbiClientOptions } from '../../native/sbi/SbiClientOptions';
import type { UsbEventSource } from '../../native/usb/UsbWatcher';
import { serializeError } from '../../schemas/errors';
import type { AppHost } from '../../schemas/api/home';
import { toLogFormat } from '../services/log/createLogger';
import { DB_FILE, KEY_DIR, PACKETS_DIR, type OpenedDataDir } from './openDataDir';
import { DisposableStore } from '../../native/lifecycle/DisposableStore';
import { createHandlers } from './handlers/createHandlers';
import { createPacketService } from './createPacketService';
import { EventHub } from './EventHub';
import { Router } from './Router';
import { chooseServerUrl } from './serverAddress';

export interface AppServicesOptions {
  /**
   * `cli`: one command over a data dir the app may have open at the same time. It then leaves the
   * app's files alone (no leftover clean-up: the app may be mid-build) and opens no QR scanner.
   */
  readonly host: AppHost;
  readonly isDemo: boolean;
  readonly version: string;
  readonly lockout?: LockoutPolicy;
  readonly idle?: IdlePolicy;
  /** the packet worker's entry; the bundled Electron app passes its .cjs, Node runs the .ts under tsx */
  readonly packetWorkerEntry?: URL;
  /** the backup snapshot worker's entry, likewise (`snapshotWorker.cjs` in the Electron build) */
  readonly backupWorkerEntry?: URL;
  /** SBI ports, timeouts and hash-chain policy */
  readonly sbi?: Omit<SbiClientOptions, 'trust'>;
  /** watch USB for hot-plug (off in tests); `loadUsb` replaces the real `usb` module */
  readonly watchUsb?: boolean | { readonly loadUsb: () => Promise<UsbEventSource> };
  /** MOSIP server base URL; without it everything offline still works */
  readonly serverUrl?: string;
  /** run the scheduled sync jobs (the app does; tests drive jobs themselves) */
  readonly startScheduler?: boolean;
  /** the OS folder picker (the Electron shell's dialog); the browser host has none */
  readonly pickFolder?: () => Promise<string | undefined>;
  /**
   * The CLI's one command only: the password it was given, to log in again when the refresh token
   * is gone too mid-run. The app keeps no password; it asks the operator.
   */
  readonly serverCredentials?: Readonly<{ userId: string; password: string }>;
}

const log = createLogger('services');

/** Everything a host (Electron shell, browser host, tests) needs: the services and the router. */
export interface AppServices {
  readonly data: OpenedDataDir;
  readonly auth: AuthService;
  readonly sessions: SessionManager;
  readonly router: Router;
  /** push to every connected UI */
  readonly hub: EventHub;
  readonly sync: SyncServices;
  readonly settings: SettingsService;
  /** the CRVS client's secret for online civil-registration delivery, kept wrapped */
  readonly crvsSecret: CrvsClientSecretStore;
  readonly crvsRegistrySecret: CrvsClientSecretStore;
  /** scheduled backups (issue 17 item 6) */
  readonly backup: BackupService;
  readonly registration: RegistrationServices;
  /** the main-side packet builder: for drafts.submit and the CLI, never on the page's contract */
  readonly packets: PacketService;
  readonly options: AppServicesOptions;
  readonly clock: Clock;
  /** a window or socket went away: end its session and stop what it started */
  disconnect(connectionId: string): void;
  dispose(): Promise<void>;
}

/** Before any build can start: a crash mid-build leaves a temp or uncommitted file behind. */
async function cleanUpLeftovers(data: OpenedDataDir): Promise<void> {
  const leftovers = await cleanupPacketLeftovers(data.db, data.audit, join(data.dataDir, PACKETS_DIR));
  if (leftovers.missing.length > 0) log.warn('packet files missing for committed packets', { count: leftovers.missing.length });
  if (leftovers.orphans.length > 0) log.warn('packet files without a committed row moved to quarantine', { count: leftovers.orphans.length, dir: leftovers.quarantineDir });
}

/** Assembles the services over an opened data dir; seeds the demo operators in demo mode. */
export async function createAppServices(data: OpenedDataDir, options: AppServicesOptions): Promise<AppServices> {
  const clock = data.clock;
  const auth = new AuthService({ db: data.db, audit: data.audit, clock, ...(options.lockout ? { policy: options.lockout } : {}) });
  const sessions = new SessionManager({ clock, audit: data.audit, ...(options.idle ? { policy: options.idle } : {}) });
  if (options.isDemo) await seedDemo({ db: data.db, auth, audit: data.audit });
  if (options.host !== 'cli') await cleanUpLeftovers(data);
  const hub = new EventHub();
  const pool = options.packetWorkerEntry ? new PacketBuilderPool(options.packetWorkerEntry) : new PacketBuilderPool();
  const packets = createPacketService(data, { builder: pool.build });
  const settings = new SettingsService({ db: data.db, audit: data.audit });
  const crvsSecret = crvsClientSecretStore(data);
  const crvsRegistrySecret = crvsRegistrySecretStore(data);
  // every subscription and started job, disposed with the app (issue 15: none is dropped)
  const disposables = new DisposableStore();
  disposables.add(settings.onDidChange((next) => hub.broadcast('settings.onDidChange', next)));
  const devices = new DevicesService({
    anchors: new TrustAnchorService({ db: data.db, dataDir: data.dataDir, audit: data.audit, clock }),
    clock,
    // An explicit option (tests, the demo's simulator ports) wins; else the supervisor's settings.
    sbi:
      options.sbi ??
      (() => {
        const d = settings.get().devices;
        return { ports: { from: d.portFrom, to: d.portTo }, hashChainPolicy: d.hashChainPolicy };
      }),
    onDidChangeDevices: (result) => hub.broadcast('devices.onDidChange', result),
    onWarning: (warning) => hub.broadcast('devices.onDidWarn', serializeError(warning)),
    ...(typeof options.watchUsb === 'object' ? { loadUsb: options.watchUsb.loadUsb } : {}),
  });
  if (options.watchUsb) await devices.startHotPlug();
  const server = chooseServerUrl(options.serverUrl, settings.get().serverUrl);
  const sync = createSyncServices({
    db: data.db,
    audit: data.audit,
    clock,
    machineKey: data.machineKey,
    centreId: data.identity.centreId,
    machineId: data.identity.machineId,
    machineName: () => effectiveMachineName(settings.get().machineName).name,
    minFreeDiskMb: () => settings.get().minFreeDiskMb,
    dataDir: data.dataDir,
    packetsDir: join(data.dataDir, PACKETS_DIR),
    // --server / REGCLIENT_SERVER_URL wins; else the supervisor's setting, read once at start
    // (a new server means new keys and a full sync, so the settings screen asks for a restart)
    ...(server.serverUrl ? { serverUrl: server.serverUrl } : {}),
    ...(server.refusal ? { serverRefusal: server.refusal } : {}),
    ...(options.serverCredentials ? { credentials: options.serverCredentials } : {}),
    onEvent: (name, payload) => hub.broadcast(name, payload),
    civilRegistration: civilRegistrationDelivery(data, settings, crvsSecret),
  });
  const registration = createRegistrationServices({
    db: data.db,
    audit: data.audit,
    clock,
    identity: data.identity,
    devices,
    // the device trust anchors held now: every capture is verified again against them at submit
    captureTrust: () => devices.anchors.trustStore(),
    packets,
    auth,
    // a supervisor reviews registrations with biometric exceptions unless a supervisor turned it off
    reviewerAuthentication: () => settings.get().reviewerAuthentication,
    gate: sync.limits,
    // Thresholds and attempts as the supervisor set them, read at each capture.
    qualityPolicy: () => {
      const d = settings.get().devices;
      return { thresholds: d.thresholds, attempts: d.attempts };
    },
    preRegistrationSource: () => sync.preRegistration,
    registryClient: new CrvsRegistryClient(),
    registryAccess: crvsRegistryAccess(() => settings.get().civilRegistration, crvsRegistrySecret),
  });
  // the centre's pre-registrations come down with every down-sync (MOSIP PDS_J00003)
  sync.mosip?.setPreRegistrationJob((signal) => registration.preRegistrations.downloadForCentre(signal));
  // the serial QR scanner (settings scannerPort): each line goes to the page, which takes a PRID from it
  const scanner = new ScannerService({
    port: () => settings.get().scannerPort,
    onRead: (text) => hub.broadcast('scanner.onDidRead', { text }),
    onError: (err) => log.warn('QR scanner port', { error: toLogFormat(err) }),
  });
  let scannerPort = settings.get().scannerPort;
  disposables.add(settings.onDidChange((next) => {
    if (next.scannerPort === scannerPort) return;
    scannerPort = next.scannerPort;
    void scanner.restart();
  }));
  if (scannerPort && options.host !== 'cli') await scanner.restart();
  const backup = new BackupService({
    db: data.db,
    audit: data.audit,
    clock,
    dataDir: data.dataDir,
    packetsDir: join(data.dataDir, PACKETS_DIR),
    identity: data.identity,
    appVersion: options.version,
    keys: () => readDataDirKeys(data.dataDir, data.wrapper),
    wrapper: data.wrapper,
    secretPath: join(data.dataDir, KEY_DIR, BACKUP_SECRET_FILE),
    dbPath: join(data.dataDir, DB_FILE),
    ...(options.backupWorkerEntry ? { snapshotWorkerEntry: options.backupWorkerEntry } : {}),
    onDidChange: (status) => hub.broadcast('backup.onDidChange', status),
  });
  if (options.startScheduler) {
    disposables.add(sync.scheduler.start());
    disposables.add(backup.start());
  }
  const services = { data, auth, sessions, options, clock, hub, packets, devices, sync, registration, settings, crvsSecret, crvsRegistrySecret, backup } as const;
  const router = new Router({ handlers: createHandlers(services), sessions, audit: data.audit });
  data.audit.append('APP_STARTED', null, { host: options.host, version: options.version, demo: options.isDemo });
  return {
    ...services,
    router,
    disconnect(connectionId) {
      sessions.disconnect(connectionId);
      devices.stopPreview(connectionId);
    },
    async dispose() {
      disposables.dispose();
      sessions.dispose();
      await devices.dispose();
      await scanner.dispose();
      await pool.dispose();
      data.close();
    },
  };
}
