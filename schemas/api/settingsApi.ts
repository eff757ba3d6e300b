import { AppSettings } from '../settings';
import { Empty } from './coreApi';
import { method } from './defineApi';

export const settingsApi = {
  'settings.get': method({ input: Empty, output: AppSettings, access: 'session' }),
  /** supervisors only; the whole settings object, validated field by field */
  'settings.update': method({ input: AppSettings, output: AppSettings, access: ['REGISTRATION_SUPERVISOR'] }),
} as const;

export const settingsEvents = {
  'settings.onDidChange': AppSettings,
} as const;
