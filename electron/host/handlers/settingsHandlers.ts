import type { settingsApi } from '../../../schemas/api/settingsApi';
import type { SettingsService } from '../../services/settings/SettingsService';
import type { AreaHandlers } from './createHandlers';

export function settingsHandlers(deps: { settings: SettingsService }): AreaHandlers<typeof settingsApi> {
  return {
    'settings.get': async () => deps.settings.get(),
    'settings.update': async (next, ctx) => deps.settings.update(next, ctx.session!.userId),
  };
}
