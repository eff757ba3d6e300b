import { AppError } from '../../schemas/errors';
import type { SecretWrapper } from '../../native/keystore/SecretWrapper';
import { createKeyringWrapper, keyringAccount, KeyringError, KEYRING_SERVICE, keyringWorks, newKeyringRef } from '../../native/keystore/keyringWrapper';

/** The OS keyring as chooseWrapper sees it (a seam for the platform rule, not for faking the keyring). */
export interface KeyringAccess {
  /** whether `env` shows a user session whose keyring could answer */
  sessionVisible(env: NodeJS.ProcessEnv): boolean;
  /** whether the keyring takes and returns an entry now */
  works(): boolean;
}

/**
 * Linux keyrings (Secret Service) live on the session D-Bus: without DBUS_SESSION_BUS_ADDRESS
 * (a service, cron, ssh) none answers. macOS and Windows keep one per logged-in user.
 */
export const osKeyring: KeyringAccess = {
  sessionVisible: (env) => (process.platform === 'linux' || process.platform === 'freebsd' ? Boolean(env.DBUS_SESSION_BUS_ADDRESS) : Boolean(env.HOME ?? env.USERPROFILE)),
  works: keyringWorks,
};

/**
 * Opens (ref given) or creates (ref undefined) a data dir's OS keyring entry.
 * @throws AppError ERR_DB_KEYRING_UNAVAILABLE, ERR_DB_KEYRING_ENTRY_MISSING, ERR_DB_KEY_INVALID
 */
export function openKeyringWrapper(ref: string | undefined, wrappedKeyPath: string): SecretWrapper {
  try {
    return ref === undefined ? createKeyringWrapper(newKeyringRef(), { create: true }) : createKeyringWrapper(ref, { create: false });
  } catch (err) {
    if (!(err instanceof KeyringError)) throw err;
    if (err.reason === 'missing') throw new AppError('ERR_DB_KEYRING_ENTRY_MISSING', { path: wrappedKeyPath, entry: `${KEYRING_SERVICE} / ${keyringAccount(ref ?? '')}` }, { cause: err });
    if (err.reason === 'corrupt') throw new AppError('ERR_DB_KEY_INVALID', { path: wrappedKeyPath, reason: err.message }, { cause: err });
    throw new AppError('ERR_DB_KEYRING_UNAVAILABLE', { reason: err.message }, { cause: err });
  }
}
