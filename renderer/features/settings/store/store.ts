import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackupScheduleInput, BackupStatus } from '../../../../schemas/backup';
import type { TrustAnchor } from '../../../../schemas/sbi';
import type { AppSettings, CrvsClientSecretStatus, EffectiveMachineName } from '../../../../schemas/settings';
import type { ApiClient } from '../../../api/createApiClient';
import { toUiError, type UiError } from '../../UiError';

/** Where a write-only secret stands: loaded, being stored, stored, or refused. */
export type SecretSaveStatus = 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'failed';

export interface SettingsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'failed';
  /** what the back end holds */
  readonly saved: AppSettings | null;
  readonly error: UiError | null;
  /** the machine name sync uses now (saved setting, else the host name), as the back end reports it */
  readonly machineName: EffectiveMachineName | null;
  /** the device trust store's CA certificates, as the back end lists them */
  readonly anchors: readonly TrustAnchor[] | null;
  readonly anchorStatus: 'idle' | 'loading' | 'ready' | 'adding' | 'added' | 'removing' | 'removed' | 'failed';
  readonly anchorError: UiError | null;
  /** scheduled backups, as the back end reports them (supervisors only) */
  readonly backup: BackupStatus | null;
  readonly backupStatus: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'running' | 'failed';
  readonly backupError: UiError | null;
  /** whether the CRVS client secret (online civil-registration delivery) is stored; the secret never comes here */
  readonly crvsSecret: CrvsClientSecretStatus | null;
  readonly crvsSecretStatus: SecretSaveStatus;
  readonly crvsSecretError: UiError | null;
  /** the same for the civil registry's (OpenCRVS) client secret, used to fetch birth records */
  readonly crvsRegistrySecret: CrvsClientSecretStatus | null;
  readonly crvsRegistrySecretStatus: SecretSaveStatus;
  readonly crvsRegistrySecretError: UiError | null;
}

export interface SettingsActions {
  load(): Promise<void>;
  /** sends the whole settings object; the main process validates and audits it */
  save(next: AppSettings): Promise<void>;
  loadAnchors(): Promise<void>;
  /** a supervisor trusts one more device CA certificate (PEM text of a .pem/.crt file) */
  addAnchor(pem: string): Promise<void>;
  /** a supervisor removes a local anchor; the list is reloaded either way */
  removeAnchor(thumbprint: string): Promise<void>;
  loadBackup(): Promise<void>;
  /** a supervisor sets the backup folder, when, and (first time or to change it) the passphrase */
  configureBackup(input: BackupScheduleInput): Promise<void>;
  /** a backup now; its outcome comes back in the status (a failed run is not an error of the call) */
  runBackup(): Promise<void>;
  loadCrvsSecret(): Promise<void>;
  /** a supervisor stores a new CRVS client secret (write-only) */
  setCrvsSecret(secretKey: string): Promise<void>;
  loadCrvsRegistrySecret(): Promise<void>;
  /** a supervisor stores a new civil-registry client secret (write-only) */
  setCrvsRegistrySecret(secretKey: string): Promise<void>;
  reset(): void;
}

export type SettingsStore = StoreApi<SettingsState & SettingsActions>;

const initial: SettingsState = { status: 'idle', saved: null, error: null, machineName: null, anchors: null, anchorStatus: 'idle', anchorError: null, backup: null, backupStatus: 'idle', backupError: null, crvsSecret: null, crvsSecretStatus: 'idle', crvsSecretError: null, crvsRegistrySecret: null, crvsRegistrySecretStatus: 'idle', crvsRegistrySecretError: null };

export const settingsSelectors = {
  status: (s: SettingsState) => s.status,
  saved: (s: SettingsState) => s.saved,
  error: (s: SettingsState) => s.error,
  machineName: (s: SettingsState) => s.machineName,
  anchors: (s: SettingsState) => s.anchors,
  anchorStatus: (s: SettingsState) => s.anchorStatus,
  anchorError: (s: SettingsState) => s.anchorError,
  backup: (s: SettingsState) => s.backup,
  backupStatus: (s: SettingsState) => s.backupStatus,
  backupError: (s: SettingsState) => s.backupError,
  crvsSecret: (s: SettingsState) => s.crvsSecret,
  crvsSecretStatus: (s: SettingsState) => s.crvsSecretStatus,
  crvsSecretError: (s: SettingsState) => s.crvsSecretError,
  crvsRegistrySecret: (s: SettingsState) => s.crvsRegistrySecret,
  crvsRegistrySecretStatus: (s: SettingsState) => s.crvsRegistrySecretStatus,
  crvsRegistrySecretError: (s: SettingsState) => s.crvsRegistrySecretError,
};

/** One step of a write-only secret: what the page may know of it, never the secret. */
interface SecretPatch {
  readonly status: SecretSaveStatus;
  readonly error: UiError | null;
  readonly value?: CrvsClientSecretStatus;
}

/** Asks the back end about (or stores) a secret, reporting busy, then done or failed. */
async function secretStep(put: (patch: SecretPatch) => void, busy: 'loading' | 'saving', done: 'ready' | 'saved', call: () => Promise<CrvsClientSecretStatus>): Promise<void> {
  put({ status: busy, error: null });
  try {
    put({ status: done, error: null, value: await call() });
  } catch (err) {
    put({ status: 'failed', error: toUiError(err) });
  }
}

const clientPatch = (p: SecretPatch): Partial<SettingsState> => ({ crvsSecretStatus: p.status, crvsSecretError: p.error, ...(p.value ? { crvsSecret: p.value } : {}) });
const registryPatch = (p: SecretPatch): Partial<SettingsState> => ({ crvsRegistrySecretStatus: p.status, crvsRegistrySecretError: p.error, ...(p.value ? { crvsRegistrySecret: p.value } : {}) });

/** The machine's settings as the back end holds them; the form keeps its own unsaved edits. */
export function createSettingsStore(api: ApiClient): SettingsStore {
  return createStore<SettingsState & SettingsActions>()((set) => ({
    ...initial,
    async load() {
      set({ status: 'loading', error: null });
      try {
        const [saved, machineName] = await Promise.all([api['settings.get']({}), api['settings.machineName']({})]);
        set({ status: 'ready', saved, machineName });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    async save(next) {
      set({ status: 'saving', error: null });
      try {
        const saved = await api['settings.update'](next);
        // the host name is known only to the main process: ask again which name sync now uses
        set({ status: 'saved', saved, machineName: await api['settings.machineName']({}) });
      } catch (err) {
        set({ status: 'failed', error: toUiError(err) });
      }
    },
    async loadAnchors() {
      set({ anchorStatus: 'loading', anchorError: null });
      try {
        set({ anchorStatus: 'ready', anchors: await api['devices.trustAnchors']({}) });
      } catch (err) {
        set({ anchorStatus: 'failed', anchorError: toUiError(err) });
      }
    },
    async addAnchor(pem) {
      set({ anchorStatus: 'adding', anchorError: null });
      try {
        await api['devices.addTrustAnchor']({ pem });
        set({ anchorStatus: 'added', anchors: await api['devices.trustAnchors']({}) });
      } catch (err) {
        set({ anchorStatus: 'failed', anchorError: toUiError(err) });
      }
    },
    async removeAnchor(thumbprint) {
      set({ anchorStatus: 'removing', anchorError: null });
      try {
        await api['devices.removeTrustAnchor']({ thumbprint });
        set({ anchorStatus: 'removed', anchors: await api['devices.trustAnchors']({}) });
      } catch (err) {
        set({ anchorStatus: 'failed', anchorError: toUiError(err) });
      }
    },
    async loadBackup() {
      set({ backupStatus: 'loading', backupError: null });
      try {
        set({ backupStatus: 'ready', backup: await api['backup.status']({}) });
      } catch (err) {
        set({ backupStatus: 'failed', backupError: toUiError(err) });
      }
    },
    async configureBackup(input) {
      set({ backupStatus: 'saving', backupError: null });
      try {
        set({ backupStatus: 'saved', backup: await api['backup.configure'](input) });
      } catch (err) {
        set({ backupStatus: 'failed', backupError: toUiError(err) });
      }
    },
    async runBackup() {
      set({ backupStatus: 'running', backupError: null });
      try {
        set({ backupStatus: 'ready', backup: await api['backup.runNow']({}) });
      } catch (err) {
        set({ backupStatus: 'failed', backupError: toUiError(err) });
      }
    },
    loadCrvsSecret: () => secretStep((p) => set(clientPatch(p)), 'loading', 'ready', () => api['settings.crvsClientSecret']({})),
    setCrvsSecret: (secretKey) => secretStep((p) => set(clientPatch(p)), 'saving', 'saved', () => api['settings.setCrvsClientSecret']({ secretKey })),
    loadCrvsRegistrySecret: () => secretStep((p) => set(registryPatch(p)), 'loading', 'ready', () => api['settings.crvsRegistrySecret']({})),
    setCrvsRegistrySecret: (secretKey) => secretStep((p) => set(registryPatch(p)), 'saving', 'saved', () => api['settings.setCrvsRegistrySecret']({ secretKey })),
    reset: () => set(initial),
  }));
}
