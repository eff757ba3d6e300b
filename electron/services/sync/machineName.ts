import { hostname } from 'node:os';
import type { EffectiveMachineName } from '../../../schemas/settings';

export type { EffectiveMachineName };

/**
 * The name configured at onboarding (settings `machineName`), else the host name lower-cased, as
 * MOSIP's Java client sends (registration-client RegistrationSystemPropertiesChecker.getMachineId,
 * used by TPMPublicKeySyncServiceImpl.syncTPMPublicKey). Never an invented name: the server finds
 * the machine by exactly this (SyncMasterDataServiceImpl.validateKeyMachineMapping).
 */
export function effectiveMachineName(configured: string | null, host: string = hostname()): EffectiveMachineName {
  return configured ? { name: configured, source: 'settings' } : { name: host.toLowerCase(), source: 'host name' };
}
