import { constants, createCipheriv, createHash, publicEncrypt, randomBytes, type X509Certificate } from 'node:crypto';

const SPLITTER = Buffer.from('#KEY_SPLITTER#', 'ascii');

/**
 * The packet/sync envelope of packet-and-server-apis.md §2.1 (OfflinePacketCryptoServiceImpl):
 * nonce(12) ‖ aad(32) ‖ SHA-256(cert DER)(32) ‖ RSA-OAEP-SHA256(k)(256) ‖ "#KEY_SPLITTER#" ‖ AES-GCM(ct‖tag).
 * Used here only for the RID-sync body. TODO(#5): share one implementation with electron/services/packets
 * once the packet engine lands.
 */
export function encryptSyncEnvelope(cert: X509Certificate, plain: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const aad = randomBytes(32);
  const key = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt({ key: cert.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key);
  return Buffer.concat([nonce, aad, createHash('sha256').update(cert.raw).digest(), wrapped, SPLITTER, ct]);
}
