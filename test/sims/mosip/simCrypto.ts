import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createSign,
  createVerify,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * The simulator's own crypto, written from the MOSIP spec (packet-and-server-apis.md §2) and
 * deliberately independent of the client's code, so that each side checks the other.
 */

export const b64url = (data: Uint8Array | string): string => Buffer.from(data).toString('base64url');
/** MOSIP decodes URL-safe first and falls back to standard base64 (CryptomanagerUtils.decodeBase64Data). */
export const unb64 = (text: string): Buffer => Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;
const SPLITTER = Buffer.from('#KEY_SPLITTER#', 'ascii');

/** §2.5 client-crypto envelope: RSA-OAEP(k)(256) ‖ iv(12) ‖ aad(32) ‖ AES-GCM(ct‖tag). */
export function clientCryptoEncrypt(machinePublicKey: KeyObject, plain: Uint8Array): Buffer {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const aad = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([publicEncrypt({ key: machinePublicKey, ...OAEP }, key), iv, aad, ct]);
}

/** §2.1 packet/sync envelope, encrypt side (used by test helpers to build packets). */
export function envelopeEncrypt(certPublicKey: KeyObject, certDer: Buffer, plain: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const aad = randomBytes(32);
  const key = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const thumbprint = createHash('sha256').update(certDer).digest();
  return Buffer.concat([nonce, aad, thumbprint, publicEncrypt({ key: certPublicKey, ...OAEP }, key), SPLITTER, ct]);
}

/**
 * §2.3: what keymanager does with (salt, aad, data) — split at the first splitter, check the
 * thumbprint belongs to this REGISTRATION-<refId> certificate, unwrap, AES-GCM open.
 * @throws Error with a reason the simulator reports as a rejection
 */
export function envelopeDecrypt(privateKey: KeyObject, certDer: Buffer, data: Buffer): Buffer {
  if (data.length < 44 + 288 + SPLITTER.length + 16) throw new Error('envelope is too short');
  const nonce = data.subarray(0, 12);
  const aad = data.subarray(12, 44);
  const rest = data.subarray(44);
  const split = rest.indexOf(SPLITTER);
  if (split < 0) throw new Error('envelope has no #KEY_SPLITTER#');
  const keyPart = rest.subarray(0, split);
  if (keyPart.length !== 288) throw new Error(`key part is ${keyPart.length} bytes, expected 288 (thumbprint + RSA-2048)`);
  const thumbprint = createHash('sha256').update(certDer).digest();
  if (!keyPart.subarray(0, 32).equals(thumbprint)) throw new Error('APP_ID_REFERENCE_ID_NOT_MATCHING: thumbprint is not this refId certificate');
  const key = privateDecrypt({ key: privateKey, ...OAEP }, keyPart.subarray(32));
  const body = rest.subarray(split + SPLITTER.length);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
}

export function rsaSha256Sign(privateKey: KeyObject, data: Uint8Array): Buffer {
  return createSign('sha256').update(data).sign(privateKey);
}

export function rsaSha256Verify(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  return createVerify('sha256').update(data).verify(publicKey, signature);
}

/** JWS RS256 with a detached payload over the exact response bytes: `<header>..<signature>`. */
export function detachedJws(privateKey: KeyObject, body: Uint8Array, kid?: string): string {
  const header = b64url(JSON.stringify(kid === undefined ? { alg: 'RS256' } : { alg: 'RS256', kid }));
  const signature = rsaSha256Sign(privateKey, Buffer.from(`${header}.${b64url(body)}`));
  return `${header}..${b64url(signature)}`;
}

/** A compact JWT (the session token), signed by the simulator's KERNEL/SIGN key. */
export function compactJwt(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(rsaSha256Sign(privateKey, Buffer.from(`${head}.${body}`)))}`;
}

export function sha256HexUpper(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').toUpperCase();
}

/** MOSIP key fingerprint (§0), computed here independently of native/keystore. */
export function fingerprint(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('hex').match(/../g)!.join(':');
}

/**
 * A credential encrypted to a partner certificate, as MOSIP's credential service hands it to the
 * partner (keymanager encrypt with the partner's certificate, thumbprint prepended), in the layout
 * OpenCRVS's mediator decrypts (opencrvs/mosip `packages/mosip-api/src/websub/crypto.ts`):
 * `VER_R2 ‖ sha256(cert) ‖ RSA-OAEP-SHA256(k)`, `#KEY_SPLITTER#`, `aad(32; nonce = aad[0..12]) ‖ ct ‖ tag`.
 */
export function partnerCredentialEncrypt(certPublicKey: KeyObject, certDer: Buffer, plain: Uint8Array): Buffer {
  const key = randomBytes(32);
  const aad = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, aad.subarray(0, 12));
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const thumbprint = createHash('sha256').update(certDer).digest();
  return Buffer.concat([Buffer.from('VER_R2', 'ascii'), thumbprint, publicEncrypt({ key: certPublicKey, ...OAEP }, key), SPLITTER, aad, ct]);
}
