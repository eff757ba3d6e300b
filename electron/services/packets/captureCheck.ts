import { AppError } from '../../../schemas/errors';
import type { RegistrationBiometricCapture } from '../../../schemas/registration';
import { BIO_ATTRIBUTES } from './bioAttributes';
import { decodeBase64Strict } from './decodeBase64Strict';

/** What the packet needs from a capture's signed SBI payload. */
export interface CheckedCapture {
  /** the decoded JWS payload text, byte-for-byte as the device signed it */
  readonly payloadText: string;
  /** `header..signature`: the JWS with its payload detached, as CBEFF `SB` carries it */
  readonly detachedJws: string;
  readonly iso: Buffer;
}

/**
 * Checks that a capture's signed payload describes exactly its image: the payload's `bioValue`
 * must be the unpadded base64url of the ISO bytes, and bioType/bioSubType must agree. (The JWS
 * signature and certificate chain were verified at capture time by native/sbi.)
 * @throws AppError ERR_PACKET_CAPTURE_MISMATCH
 */
export function checkCapture(field: string, capture: RegistrationBiometricCapture): CheckedCapture {
  const fail = (reason: string): never => {
    throw new AppError('ERR_PACKET_CAPTURE_MISMATCH', { field, attribute: capture.attribute, reason });
  };
  const [header, payload, signature] = capture.signedData.split('.') as [string, string, string];
  const payloadText = Buffer.from(payload, 'base64url').toString('utf8');
  let decoded: { bioValue?: unknown; bioType?: unknown; bioSubType?: unknown };
  try {
    decoded = JSON.parse(payloadText) as typeof decoded;
  } catch {
    return fail('signed payload is not JSON');
  }
  const iso = decodeBase64Strict(capture.iso, `biometrics.${field}.${capture.attribute}.iso`);
  if (typeof decoded.bioValue !== 'string' || decoded.bioValue !== iso.toString('base64url')) fail('signed bioValue differs from the image');
  if (decoded.bioType !== capture.bioType) fail(`signed bioType ${String(decoded.bioType)} differs from ${capture.bioType}`);
  // a face (and the exception photo) has no subtype: SBI devices omit it or send null, the input has ''
  if ((decoded.bioSubType ?? '') !== capture.bioSubType) fail(`signed bioSubType ${String(decoded.bioSubType)} differs from ${capture.bioSubType}`);
  const expected = BIO_ATTRIBUTES[capture.attribute];
  if (expected.bioType !== capture.bioType || expected.bioSubType !== capture.bioSubType) {
    fail(`attribute ${capture.attribute} is ${expected.bioType}/${expected.bioSubType}, not ${capture.bioType}/${capture.bioSubType}`);
  }
  return { payloadText, detachedJws: `${header}..${signature}`, iso };
}
