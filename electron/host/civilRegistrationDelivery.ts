import { join } from 'node:path';
import type { CivilRegistrationSettings } from '../../schemas/settings';
import { CRVS_CLIENT_SECRET_FILE, CrvsClientSecretStore } from '../services/settings/CrvsClientSecretStore';
import type { SettingsService } from '../services/settings/SettingsService';
import { KEY_DIR, type OpenedDataDir } from './openDataDir';

/**
 * How the outbox delivers civil-registration packets outside the app (`sync --eod`, the bridge):
 * the supervisor's setting, read at each run, and the wrapped CRVS client secret, read when sent.
 */
export function civilRegistrationDelivery(data: OpenedDataDir, settings: SettingsService): Readonly<{ settings: () => CivilRegistrationSettings; secret: () => string }> {
  const secret = new CrvsClientSecretStore({ path: join(data.dataDir, KEY_DIR, CRVS_CLIENT_SECRET_FILE), wrapper: data.wrapper, audit: data.audit });
  return { settings: () => settings.get().civilRegistration, secret: () => secret.read() };
}
