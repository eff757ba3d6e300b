import type { Clock } from '../../../native/time/Clock';
import type { AuthService } from '../../services/auth/AuthService';
import type { SessionManager } from '../../services/auth/SessionManager';
import type { OpenedDataDir } from '../openDataDir';
import type { AppServicesOptions } from '../createAppServices';
import type { Handlers } from '../Handlers';
import type { EventHub } from '../EventHub';
import type { PacketService } from '../../services/packets/PacketService';
import { backupHandlers } from './backupHandlers';
import { coreHandlers } from './coreHandlers';
import { devicesHandlers } from './devicesHandlers';
import { syncHandlers } from './syncHandlers';
import { settingsHandlers } from './settingsHandlers';
import type { SettingsService } from '../../services/settings/SettingsService';
import type { CrvsClientSecretStore } from '../../services/settings/CrvsClientSecretStore';
import type { BackupService } from '../../services/backup/BackupService';
import type { SyncServices } from '../../services/sync/createSyncServices';
import type { DevicesService } from '../../services/devices/DevicesService';
import type { RegistrationServices } from '../../services/registration/createRegistrationServices';
import { registrationHandlers } from './registrationHandlers';
import { listRemovableDrives } from '../../../native/storage/removableDrives';

/** What every area's handlers may use: the assembled services. */
export interface HandlerDeps {
  readonly data: OpenedDataDir;
  readonly auth: AuthService;
  readonly sessions: SessionManager;
  readonly options: AppServicesOptions;
  readonly clock: Clock;
  readonly hub: EventHub;
  readonly packets: PacketService;
  readonly devices: DevicesService;
  readonly sync: SyncServices;
  readonly registration: RegistrationServices;
  readonly settings: SettingsService;
  readonly crvsSecret: CrvsClientSecretStore;
  readonly crvsRegistrySecret: CrvsClientSecretStore;
  readonly backup: BackupService;
}

/** Handlers for one area's methods: the area's slice of the complete Handlers table. */
export type AreaHandlers<A> = { readonly [M in keyof A & keyof Handlers]: Handlers[M] };

/**
 * The implementation of every contract method, one area at a time. Typed as the complete table:
 * a method added to the contract does not compile until an area implements it.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...coreHandlers(deps),
    ...devicesHandlers({ devices: deps.devices }),
    ...syncHandlers({ auth: deps.auth, ...deps.sync, removableDrives: () => listRemovableDrives(), ...(deps.options.pickFolder ? { pickFolder: deps.options.pickFolder } : {}) }),
    ...registrationHandlers(deps.registration),
    ...settingsHandlers({ settings: deps.settings, crvsSecret: deps.crvsSecret, crvsRegistrySecret: deps.crvsRegistrySecret }),
    ...backupHandlers({ backup: deps.backup }),
  };
}
