import { safeStorage } from 'electron';
import type { SecretWrapper } from '../../native/keystore/SecretWrapper';

/**
 * Wraps secrets with the OS keychain (DPAPI on Windows, libsecret/kwallet on Linux). Refuses the
 * 'basic_text' fallback on Linux, which would store the key with a hard-coded password.
 */
export function createSafeStorageWrapper(): SecretWrapper {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage: OS encryption is not available');
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new Error('safeStorage: no OS keychain (libsecret/kwallet) on this desktop; start with REGCLIENT_DB_SECRET or install a keyring');
  }
  return {
    kind: 'safeStorage',
    wrap: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
