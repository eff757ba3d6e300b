import { constants, createDecipheriv, createHash, privateDecrypt, type KeyObject } from 'node:crypto';
import { IssuedCredential } from '../../../schemas/crvsBridge';

const SPLITTER = Buffer.from('#KEY_SPLITTER#', 'ascii');
/** the key part's version header (`VER_R2`), then the SHA-256 thumbprint of the partner certificate */
const VERSION_LENGTH = 6;
const THUMBPRINT_LENGTH = 32;
/** the data part: 32 bytes of AAD whose first 12 are the GCM nonce, the ciphertext, the 16-byte tag */
const AAD_LENGTH = 32;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;

/** Why a credential could not be read (the caller turns it into ERR_CRVS_CREDENTIAL_UNREADABLE). */
export class CredentialFormatError extends Error {
  override readonly name = 'CredentialFormatError';
}

/**
 * Opens a credential MOSIP's credential service encrypted to this partner's certificate, in the
 * layout OpenCRVS's mediator reads (opencrvs/mosip `packages/mosip-api/src/websub/crypto.ts`
 * `decryptMosipCredential`): base64 of `VER_R2 ‖ thumbprint ‖ RSA-OAEP-SHA256(key)`,
 * `#KEY_SPLITTER#`, `aad(32, nonce = first 12) ‖ AES-256-GCM(ciphertext) ‖ tag`. The thumbprint
 * must be this partner certificate's: a credential for another key is refused before any RSA work.
 * @throws CredentialFormatError
 */
export function decryptCredential(credentialBase64: string, partnerKey: KeyObject, partnerCertDer: Uint8Array): IssuedCredential {
  const data = Buffer.from(credentialBase64, 'base64');
  const split = data.indexOf(SPLITTER);
  if (split < 0) throw new CredentialFormatError('no #KEY_SPLITTER#');
  const keyPart = data.subarray(0, split);
  const body = data.subarray(split + SPLITTER.length);
  if (keyPart.length <= VERSION_LENGTH + THUMBPRINT_LENGTH) throw new CredentialFormatError('key part too short');
  if (body.length < AAD_LENGTH + TAG_LENGTH) throw new CredentialFormatError('data part too short');
  const thumbprint = createHash('sha256').update(partnerCertDer).digest();
  if (!keyPart.subarray(VERSION_LENGTH, VERSION_LENGTH + THUMBPRINT_LENGTH).equals(thumbprint)) throw new CredentialFormatError('encrypted to another certificate');
  let plain: Buffer;
  try {
    const key = privateDecrypt({ key: partnerKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, keyPart.subarray(VERSION_LENGTH + THUMBPRINT_LENGTH));
    const aad = body.subarray(0, AAD_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', key, aad.subarray(0, NONCE_LENGTH));
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
    plain = Buffer.concat([decipher.update(body.subarray(AAD_LENGTH, body.length - TAG_LENGTH)), decipher.final()]);
  } catch (cause) {
    throw new CredentialFormatError('cannot be decrypted with the partner key', { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch (cause) {
    throw new CredentialFormatError('decrypted credential is not JSON', { cause });
  }
  const parsed = IssuedCredential.safeParse(json);
  if (!parsed.success) throw new CredentialFormatError(`credential ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.code}`);
  return parsed.data;
}
