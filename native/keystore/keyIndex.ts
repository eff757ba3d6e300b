import { createHash, type KeyObject } from 'node:crypto';

/**
 * MOSIP key fingerprint ("keyIndex", JWT `kid`): SHA-256 over the X.509 SubjectPublicKeyInfo DER,
 * lowercase hex with ':' between bytes — as `CryptoUtil.computeFingerPrint(data, null)` in
 * mosip/commons kernel-core.
 */
export function computeKeyIndex(publicKey: KeyObject | Uint8Array): string {
  const der = publicKey instanceof Uint8Array ? publicKey : publicKey.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex');
  return hex.match(/../g)!.join(':');
}
