import type { CivilRegistrationSettings } from '../../schemas/settings';
import { AppError, isAppError } from '../../schemas/errors';
import type { CrvsRegistryAccess } from '../services/crvs/CrvsRegistryClient';
import { CRVS_REGISTRY_SECRET_SETTING, type CrvsClientSecretStore } from '../services/settings/CrvsClientSecretStore';

/**
 * The civil registry's address and credentials, read at each fetch from the supervisor's
 * settings: only an online deployment searches the registry, and only once it is named and its
 * client secret stored.
 * @throws AppError ERR_CRVS_REGISTRY_NOT_CONFIGURED naming the missing setting
 */
export function crvsRegistryAccess(settings: () => CivilRegistrationSettings, secret: Pick<CrvsClientSecretStore, 'read'>): () => CrvsRegistryAccess {
  return () => {
    const s = settings();
    if (s.delivery !== 'online') throw new AppError('ERR_CRVS_REGISTRY_NOT_CONFIGURED', { missing: 'civilRegistration.delivery = online' });
    if (!s.registry) throw new AppError('ERR_CRVS_REGISTRY_NOT_CONFIGURED', { missing: 'civilRegistration.registry' });
    try {
      return { settings: s.registry, secret: secret.read() };
    } catch (err) {
      if (isAppError(err) && (err.code === 'ERR_SYNC_CRVS_NOT_CONFIGURED' || err.code === 'ERR_SYNC_CRVS_SECRET_UNREADABLE')) {
        throw new AppError('ERR_CRVS_REGISTRY_NOT_CONFIGURED', { missing: CRVS_REGISTRY_SECRET_SETTING }, { cause: err });
      }
      throw err;
    }
  };
}
