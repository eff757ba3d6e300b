import { constants, createCipheriv, createDecipheriv, createHash, privateDecrypt, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';

/** `mosip.kernel.data-key-splitter`. */
export const KEY_SPLITTER = Buffer.from('#KEY_SPLITTER#', 'ascii');
const NONCE_LENGTH = 12;
const AAD_LENGTH = 32;
const THUMBPRINT_LENGTH = 32;
const WRAPPED_KEY_LENGTH = 256;
const TAG_LENGTH = 16;
/** nonce + aad + thumbprint + wrapped key + splitter + tag */
export const ENVELOPE_OVERHEAD = NONCE_LENGTH + AAD_LENGTH + THUMBPRINT_LENGTH + WRAPPED_KEY_LENGTH + KEY_SPLITTER.length + TAG_LENGTH;

/** The REGISTRATION certificate an envelope is made for: its public key and raw SHA-256 of its DER. */
export interface EnvelopeRecipient {
  readonly publicKey: KeyObject;
  readonly thumbprint: Buffer;
}

/** Thumbprint = raw SHA-256 over the certificate DER (`CryptomanagerUtils.getCertificateThumbprint`). */
export function certificateThumbprint(certDer: Uint8Array): Buffer {
  return createHash('sha256').update(certDer).digest();
}

/** Injected randomness so tests can pin nonce/aad/key; production uses crypto.randomBytes. */
export type RandomSource = (length: number) => Buffer;

/**
 * MOSIP packet envelope (reference §2.1; keymanager `CryptomanagerServiceImpl.encrypt` with salt
 * and aad, `mergeEncryptedData`): nonce(12) ‖ aad(32) ‖ thumbprint(32) ‖ RSA-OAEP-SHA256(k)(256)
 * ‖ `#KEY_SPLITTER#` ‖ AES-256-GCM(k, nonce, aad, M) ‖ tag(16).
 */
export function encryptEnvelope(recipient: EnvelopeRecipient, plain: Uint8Array, random: RandomSource = randomBytes): Buffer {
  const nonce = random(NONCE_LENGTH);
  const aad = random(AAD_LENGTH);
  const key = random(32);
  // Node applies oaepHash to MGF1 too, matching MOSIP's explicit OAEPParameterSpec(SHA-256, MGF1, SHA-256).
  const wrapped = publicEncrypt({ key: recipient.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key);
  if (wrapped.length !== WRAPPED_KEY_LENGTH) throw new TypeError(`encryptEnvelope: expected an RSA-2048 key, wrapped key is ${wrapped.length} bytes`);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad);
  const out = Buffer.allocUnsafe(ENVELOPE_OVERHEAD + plain.length);
  let at = 0;
  for (const part of [nonce, aad, recipient.thumbprint, wrapped, KEY_SPLITTER]) at += part.copy(out, at);
  at += cipher.update(plain).copy(out, at);
  at += cipher.final().copy(out, at);
  cipher.getAuthTag().copy(out, at);
  return out;
}

/** The parsed parts of an envelope, before any key is used. */
export interface EnvelopeParts {
  readonly nonce: Buffer;
  readonly aad: Buffer;
  readonly thumbprint: Buffer;
  readonly wrappedKey: Buffer;
  /** ciphertext ‖ tag */
  readonly data: Buffer;
}

/**
 * Splits an envelope the way the server does: nonce and aad by position, then the first
 * `#KEY_SPLITTER#` (`CryptoUtil.getSplitterIndex`); a 288-byte key part carries a thumbprint.
 * @throws Error naming what is malformed
 */
export function parseEnvelope(bytes: Buffer): EnvelopeParts {
  if (bytes.length < ENVELOPE_OVERHEAD) throw new Error(`envelope is ${bytes.length} bytes, shorter than the ${ENVELOPE_OVERHEAD}-byte overhead`);
  const rest = bytes.subarray(NONCE_LENGTH + AAD_LENGTH);
  const split = rest.indexOf(KEY_SPLITTER);
  if (split < 0) throw new Error('no #KEY_SPLITTER# in envelope');
  if (split !== THUMBPRINT_LENGTH + WRAPPED_KEY_LENGTH) throw new Error(`key part is ${split} bytes, expected ${THUMBPRINT_LENGTH + WRAPPED_KEY_LENGTH} (thumbprint + RSA-2048 key)`);
  return {
    nonce: bytes.subarray(0, NONCE_LENGTH),
    aad: bytes.subarray(NONCE_LENGTH, NONCE_LENGTH + AAD_LENGTH),
    thumbprint: rest.subarray(0, THUMBPRINT_LENGTH),
    wrappedKey: rest.subarray(THUMBPRINT_LENGTH, split),
    data: rest.subarray(split + KEY_SPLITTER.length),
  };
}

/** Unwraps the AES session key with the registration-processor private key (RSA-OAEP SHA-256/MGF1 SHA-256). */
export function unwrapSessionKey(privateKey: KeyObject, wrappedKey: Buffer): Buffer {
  return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrappedKey);
}

/**
 * Server-side decrypt (test and `packet inspect` only): parse, unwrap, AES-GCM open.
 * @throws Error when the key does not unwrap or the GCM tag does not verify
 */
export function decryptEnvelope(privateKey: KeyObject, bytes: Buffer): { plain: Buffer; parts: EnvelopeParts } {
  const parts = parseEnvelope(bytes);
  const key = unwrapSessionKey(privateKey, parts.wrappedKey);
  if (parts.data.length < TAG_LENGTH) throw new Error('ciphertext shorter than the GCM tag');
  const decipher = createDecipheriv('aes-256-gcm', key, parts.nonce, { authTagLength: TAG_LENGTH });
  decipher.setAAD(parts.aad);
  decipher.setAuthTag(parts.data.subarray(parts.data.length - TAG_LENGTH));
  const plain = Buffer.concat([decipher.update(parts.data.subarray(0, parts.data.length - TAG_LENGTH)), decipher.final()]);
  return { plain, parts };
}
