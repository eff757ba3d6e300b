import { AppSettings, CrvsClientSecretInput, CrvsClientSecretStatus, EffectiveMachineName } from '../settings';
import { Empty } from './coreApi';
import { method } from './defineApi';

export const settingsApi = {
  'settings.get': method({ input: Empty, output: AppSettings, access: 'session' }),
  /** supervisors only; the whole settings object, validated field by field */
  'settings.update': method({ input: AppSettings, output: AppSettings, access: ['REGISTRATION_SUPERVISOR'] }),
  /** the machine name sync uses (the setting, else this computer's host name) and which of the two it is */
  'settings.machineName': method({ input: Empty, output: EffectiveMachineName, access: 'session' }),
  /** whether the CRVS client's secret is stored: the secret itself is never returned */
  'settings.crvsClientSecret': method({ input: Empty, output: CrvsClientSecretStatus, access: 'session' }),
  /** supervisors only; stores the CRVS client's secret wrapped as the data dir's keys are */
  'settings.setCrvsClientSecret': method({ input: CrvsClientSecretInput, output: CrvsClientSecretStatus, access: ['REGISTRATION_SUPERVISOR'] }),
  /** whether the civil registry's (OpenCRVS) client secret is stored, for fetching birth records */
  'settings.crvsRegistrySecret': method({ input: Empty, output: CrvsClientSecretStatus, access: 'session' }),
  /** supervisors only; stores the civil registry's client secret, wrapped */
  'settings.setCrvsRegistrySecret': method({ input: CrvsClientSecretInput, output: CrvsClientSecretStatus, access: ['REGISTRATION_SUPERVISOR'] }),
} as const;

export const settingsEvents = {
  'settings.onDidChange': AppSettings,
} as const;
