import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeyIndex } from './keyIndex';
import type { SecretWrapper } from './SecretWrapper';
import { readWrappedSecret, writeFileAtomic, writeWrappedSecret } from './wrappedSecretFile';

/**
 * The machine's RSA-2048 key pair, used both to sign (SHA256withRSA) and to decrypt
 * (RSA-OAEP-SHA256) as MOSIP's non-TPM ("LOCAL") desktop client does with reg.key/reg.pub.
 */
export interface MachineKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** X.509 SubjectPublicKeyInfo DER */
  readonly spkiDer: Buffer;
  readonly keyIndex: string;
}

export const MACHINE_KEY_FILE = 'machine-key.wrapped';
export const MACHINE_PUBLIC_KEY_FILE = 'machine-key.pub.pem';

/** True when this key directory already holds a machine key. */
export function hasMachineKey(keyDir: string): boolean {
  return existsSync(join(keyDir, MACHINE_KEY_FILE));
}

/**
 * Loads the machine key, or creates it on first run. The private key is stored only wrapped;
 * the public key is also written as PEM so support staff can register the machine.
 * @throws WrappedSecretError when an existing key cannot be unwrapped (it is never replaced)
 */
export function loadOrCreateMachineKey(keyDir: string, wrapper: SecretWrapper): { key: MachineKey; created: boolean } {
  const path = join(keyDir, MACHINE_KEY_FILE);
  if (existsSync(path)) {
    const pkcs8 = readWrappedSecret(path, wrapper);
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    return { key: toMachineKey(privateKey), created: false };
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  writeWrappedSecret(path, wrapper, privateKey.export({ format: 'der', type: 'pkcs8' }));
  const key = toMachineKey(privateKey);
  writeFileAtomic(join(keyDir, MACHINE_PUBLIC_KEY_FILE), key.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 0o644);
  return { key, created: true };
}

function toMachineKey(privateKey: KeyObject): MachineKey {
  const publicKey = createPublicKey(privateKey);
  const spkiDer = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey, spkiDer, keyIndex: computeKeyIndex(spkiDer) };
}
