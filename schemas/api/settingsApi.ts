import { AppSettings, EffectiveMachineName } from '../settings';
import { Empty } from './coreApi';
import { method } from './defineApi';

export const settingsApi = {
  'settings.get': method({ input: Empty, output: AppSettings, access: 'session' }),
  /** supervisors only; the whole settings object, validated field by field */
  'settings.update': method({ input: AppSettings, output: AppSettings, access: ['REGISTRATION_SUPERVISOR'] }),
  /** the machine name sync uses (the setting, else this computer's host name) and which of the two it is */
  'settings.machineName': method({ input: Empty, output: EffectiveMachineName, access: 'session' }),
} as const;

export const settingsEvents = {
  'settings.onDidChange': AppSettings,
} as const;
