import type { BioAttribute, RegistrationBiometricCapture } from '../../schemas/registration';
import type { BioSubType, CapturedBiometric, CaptureOutcome } from '../../schemas/sbi';

/** MDS bioSubType → MOSIP ID-schema bio attribute. */
export const BIO_ATTRIBUTE_OF: Readonly<Record<BioSubType, BioAttribute>> = {
  'Left IndexFinger': 'leftIndex', 'Left MiddleFinger': 'leftMiddle', 'Left RingFinger': 'leftRing', 'Left LittleFinger': 'leftLittle', 'Left Thumb': 'leftThumb',
  'Right IndexFinger': 'rightIndex', 'Right MiddleFinger': 'rightMiddle', 'Right RingFinger': 'rightRing', 'Right LittleFinger': 'rightLittle', 'Right Thumb': 'rightThumb',
  Left: 'leftEye',
  Right: 'rightEye',
};

function attributeOf(biometric: CapturedBiometric): BioAttribute {
  return biometric.bioSubType === undefined ? 'face' : BIO_ATTRIBUTE_OF[biometric.bioSubType];
}

/**
 * Turns an accepted capture outcome into the packet engine's input (schemas/registration.ts):
 * the signed `data` JWS byte-for-byte, the ISO record as standard base64 of the exact bytes the
 * device signed, the quality, attempts and force-capture flag. The exception photo maps to `face`;
 * the caller files it under the exception-photo field.
 */
export function toRegistrationCaptures(outcome: CaptureOutcome): RegistrationBiometricCapture[] {
  return outcome.result.biometrics.map((b) => ({
    attribute: attributeOf(b),
    bioType: b.bioType,
    bioSubType: b.bioSubType ?? '',
    signedData: b.data,
    iso: Buffer.from(b.bioValue, 'base64url').toString('base64'),
    qualityScore: b.qualityScore,
    specVersion: b.specVersion,
    retries: outcome.attempts.length,
    forceCaptured: outcome.isForceCaptured,
    capturedAt: outcome.result.capturedAt,
    device: { deviceCode: b.deviceCode, deviceServiceVersion: b.deviceServiceVersion, digitalId: { ...b.digitalIdDecoded } },
  }));
}
