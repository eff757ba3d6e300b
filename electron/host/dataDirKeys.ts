import { createPrivateKey, createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { MACHINE_KEY_FILE, MACHINE_PUBLIC_KEY_FILE } from '../../native/keystore/machineKeyStore';
import type { SecretWrapper } from '../../native/keystore/SecretWrapper';
import { readWrappedSecret, writeFileAtomic, writeWrappedSecret } from '../../native/keystore/wrappedSecretFile';
import { AUDIT_KEY_FILE, KEY_DIR } from './openDataDir';
import { DB_KEY_FILE } from './chooseWrapper';
import type { DataDirKeys } from '../services/backup/backupKeysFile';


/**
 * Unwraps a data dir's keys with the wrapper it was created with (openDataDir chose it).
 * @throws WrappedSecretError when a key file is missing or does not unwrap
 */
export function readDataDirKeys(dataDir: string, wrapper: SecretWrapper): DataDirKeys {
  const keyDir = join(dataDir, KEY_DIR);
  return {
    dbKey: readWrappedSecret(join(keyDir, DB_KEY_FILE), wrapper),
    auditKey: readWrappedSecret(join(keyDir, AUDIT_KEY_FILE), wrapper),
    machineKeyPkcs8: readWrappedSecret(join(keyDir, MACHINE_KEY_FILE), wrapper),
  };
}

/**
 * Wraps restored keys for a new data dir under the new installation's wrapper (its key file, its
 * environment secret), with the machine's public key as PEM as a fresh install writes it.
 */
export function writeDataDirKeys(dataDir: string, wrapper: SecretWrapper, keys: DataDirKeys): void {
  const keyDir = join(dataDir, KEY_DIR);
  writeWrappedSecret(join(keyDir, DB_KEY_FILE), wrapper, keys.dbKey);
  writeWrappedSecret(join(keyDir, AUDIT_KEY_FILE), wrapper, keys.auditKey);
  writeWrappedSecret(join(keyDir, MACHINE_KEY_FILE), wrapper, keys.machineKeyPkcs8);
  const publicKey = createPublicKey(createPrivateKey({ key: keys.machineKeyPkcs8, format: 'der', type: 'pkcs8' }));
  writeFileAtomic(join(keyDir, MACHINE_PUBLIC_KEY_FILE), publicKey.export({ format: 'pem', type: 'spki' }).toString(), 0o644);
}
