import type { settingsApi } from '../../../schemas/api/settingsApi';
import type { SettingsService } from '../../services/settings/SettingsService';
import type { CrvsClientSecretStore } from '../../services/settings/CrvsClientSecretStore';
import { effectiveMachineName } from '../../services/sync/machineName';
import type { AreaHandlers } from './createHandlers';

export function settingsHandlers(deps: { settings: SettingsService; crvsSecret: CrvsClientSecretStore; crvsRegistrySecret: CrvsClientSecretStore }): AreaHandlers<typeof settingsApi> {
  return {
    'settings.get': async () => deps.settings.get(),
    'settings.update': async (next, ctx) => deps.settings.update(next, ctx.session.userId),
    // the host name is known only here, in the main process
    'settings.machineName': async () => effectiveMachineName(deps.settings.get().machineName),
    'settings.crvsClientSecret': async () => deps.crvsSecret.status(),
    'settings.setCrvsClientSecret': async ({ secretKey }, ctx) => deps.crvsSecret.set(secretKey, ctx.session.userId),
    'settings.crvsRegistrySecret': async () => deps.crvsRegistrySecret.status(),
    'settings.setCrvsRegistrySecret': async ({ secretKey }, ctx) => deps.crvsRegistrySecret.set(secretKey, ctx.session.userId),
  };
}
