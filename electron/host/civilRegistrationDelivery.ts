import { join } from 'node:path';
import type { CivilRegistrationSettings } from '../../schemas/settings';
import { CRVS_CLIENT_SECRET_FILE, CRVS_REGISTRY_SECRET_FILE, CRVS_REGISTRY_SECRET_SETTING, CrvsClientSecretStore } from '../services/settings/CrvsClientSecretStore';
import type { SettingsService } from '../services/settings/SettingsService';
import { KEY_DIR, type OpenedDataDir } from './openDataDir';

/** The data dir's wrapped CRVS client secret (keys/crvs-client-secret.wrapped): the one place that names its file. */
export function crvsClientSecretStore(data: OpenedDataDir): CrvsClientSecretStore {
  return new CrvsClientSecretStore({ path: join(data.dataDir, KEY_DIR, CRVS_CLIENT_SECRET_FILE), wrapper: data.wrapper, audit: data.audit });
}

/** The data dir's wrapped secret for the civil registry's record search (the app's "fetch from the civil registry"). */
export function crvsRegistrySecretStore(data: OpenedDataDir): CrvsClientSecretStore {
  return new CrvsClientSecretStore({ path: join(data.dataDir, KEY_DIR, CRVS_REGISTRY_SECRET_FILE), wrapper: data.wrapper, audit: data.audit, setting: CRVS_REGISTRY_SECRET_SETTING });
}

/**
 * How the outbox delivers civil-registration packets, in the app, in `sync --eod` and in the
 * bridge: the supervisor's setting, read at each run, and the wrapped CRVS client secret, read
 * when sent. The app passes the store its settings screen writes to.
 */
export function civilRegistrationDelivery(
  data: OpenedDataDir,
  settings: SettingsService,
  secret: CrvsClientSecretStore = crvsClientSecretStore(data),
): Readonly<{ settings: () => CivilRegistrationSettings; secret: () => string }> {
  return { settings: () => settings.get().civilRegistration, secret: () => secret.read() };
}
