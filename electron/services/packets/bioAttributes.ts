import type { BioAttribute, BioType } from '../../../schemas/registration';

/** SBI bioType/bioSubType and CBEFF format type of each MOSIP bio attribute (reference §1.9). */
export const BIO_ATTRIBUTES: Readonly<Record<BioAttribute, Readonly<{ bioType: BioType; bioSubType: string }>>> = {
  rightIndex: { bioType: 'Finger', bioSubType: 'Right IndexFinger' },
  rightMiddle: { bioType: 'Finger', bioSubType: 'Right MiddleFinger' },
  rightRing: { bioType: 'Finger', bioSubType: 'Right RingFinger' },
  rightLittle: { bioType: 'Finger', bioSubType: 'Right LittleFinger' },
  rightThumb: { bioType: 'Finger', bioSubType: 'Right Thumb' },
  leftIndex: { bioType: 'Finger', bioSubType: 'Left IndexFinger' },
  leftMiddle: { bioType: 'Finger', bioSubType: 'Left MiddleFinger' },
  leftRing: { bioType: 'Finger', bioSubType: 'Left RingFinger' },
  leftLittle: { bioType: 'Finger', bioSubType: 'Left LittleFinger' },
  leftThumb: { bioType: 'Finger', bioSubType: 'Left Thumb' },
  rightEye: { bioType: 'Iris', bioSubType: 'Right' },
  leftEye: { bioType: 'Iris', bioSubType: 'Left' },
  face: { bioType: 'Face', bioSubType: '' },
};

/**
 * The bio attribute MOSIP 1.2 files the exception photo under (RegistrationConstants.notAvailableAttribute;
 * GenericBiometricsController sets it on the capture; packet meta info `biometrics.<field>.unknown`).
 */
export const EXCEPTION_PHOTO_ATTRIBUTE = 'unknown';

/** CBEFF `Format/Type` per modality, as in the MOSIP sample (Finger 7, Face 8, Iris 9). */
export const CBEFF_FORMAT_TYPE: Readonly<Record<BioType, number>> = { Finger: 7, Face: 8, Iris: 9 };
