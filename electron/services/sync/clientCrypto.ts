import { constants, createDecipheriv, privateDecrypt, type KeyObject } from 'node:crypto';
import { AppError } from '../../../schemas/errors';

const RSA_BYTES = 256;
/** 1.2 layout first; 1.1.4.4 data used iv 16 / aad 12 (packet-and-server-apis.md §2.5). */
const LAYOUTS = [
  { iv: 12, aad: 32 },
  { iv: 16, aad: 12 },
] as const;

/** URL-safe first, standard as a fallback, like MOSIP's decoders. */
export function decodeBase64Any(text: string): Buffer {
  return Buffer.from(text.trim().replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * Opens a client-crypto envelope (`ClientCryptoFacade`): RSA-OAEP-SHA256(k) ‖ iv ‖ aad ‖ AES-GCM(ct‖tag),
 * encrypted by the server to this machine's public key.
 * @throws AppError ERR_SYNC_DECRYPT_FAILED
 */
export function decryptClientCrypto(machinePrivateKey: KeyObject, data: string | Buffer, what: string): Buffer {
  const bytes = typeof data === 'string' ? decodeBase64Any(data) : data;
  let key: Buffer;
  try {
    if (bytes.length < RSA_BYTES + 12 + 12 + 16) throw new Error(`envelope is only ${bytes.length} bytes`);
    key = privateDecrypt({ key: machinePrivateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, bytes.subarray(0, RSA_BYTES));
  } catch (cause) {
    throw new AppError('ERR_SYNC_DECRYPT_FAILED', { what }, { cause });
  }
  let lastError: unknown;
  for (const layout of LAYOUTS) {
    try {
      const iv = bytes.subarray(RSA_BYTES, RSA_BYTES + layout.iv);
      const aad = bytes.subarray(RSA_BYTES + layout.iv, RSA_BYTES + layout.iv + layout.aad);
      const body = bytes.subarray(RSA_BYTES + layout.iv + layout.aad);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad);
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
    } catch (err) {
      lastError = err; // the GCM tag decides which layout it was; try the older one
    }
  }
  throw new AppError('ERR_SYNC_DECRYPT_FAILED', { what }, { cause: lastError });
}

/** Decrypts and parses JSON; a non-JSON plaintext is reported as a decrypt failure of `what`. */
export function decryptClientCryptoJson(machinePrivateKey: KeyObject, data: string, what: string): unknown {
  const plain = decryptClientCrypto(machinePrivateKey, data, what);
  try {
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch (cause) {
    throw new AppError('ERR_SYNC_DECRYPT_FAILED', { what }, { cause });
  }
}
