import type { BioAttribute } from '../../../../../../schemas/registration';
import type { BioSubType, Modality } from '../../../../../../schemas/sbi';

/** The attributes each capture modality covers (RS `enums/Modality.java`); the exception photo covers none. */
export const MODALITY_ATTRIBUTES: Readonly<Record<Modality, readonly BioAttribute[]>> = {
  'left-slap': ['leftIndex', 'leftMiddle', 'leftRing', 'leftLittle'],
  'right-slap': ['rightIndex', 'rightMiddle', 'rightRing', 'rightLittle'],
  thumbs: ['leftThumb', 'rightThumb'],
  iris: ['leftEye', 'rightEye'],
  face: ['face'],
  'exception-photo': [],
};

/** Capture order on screen, as the 1.2 client lists them. */
export const CAPTURE_ORDER: readonly Modality[] = ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'];

/** Attributes that may be marked missing (fingers and irises; never the face). */
export const EXCEPTIONABLE: ReadonlySet<BioAttribute> = new Set(CAPTURE_ORDER.filter((m) => m !== 'face').flatMap((m) => MODALITY_ATTRIBUTES[m]));

const SUBTYPE: Readonly<Partial<Record<BioAttribute, BioSubType>>> = {
  leftIndex: 'Left IndexFinger', leftMiddle: 'Left MiddleFinger', leftRing: 'Left RingFinger', leftLittle: 'Left LittleFinger', leftThumb: 'Left Thumb',
  rightIndex: 'Right IndexFinger', rightMiddle: 'Right MiddleFinger', rightRing: 'Right RingFinger', rightLittle: 'Right LittleFinger', rightThumb: 'Right Thumb',
  leftEye: 'Left', rightEye: 'Right',
};

/** The MDS names of the exceptions that concern one modality (sent in the rcapture request); the exception photo proves them all. */
export function exceptionSubTypes(modality: Modality, exceptions: readonly BioAttribute[]): BioSubType[] {
  const concerned = modality === 'exception-photo' ? exceptions : MODALITY_ATTRIBUTES[modality].filter((a) => exceptions.includes(a));
  return concerned.flatMap((a) => (SUBTYPE[a] ? [SUBTYPE[a]] : []));
}

/**
 * The modalities to capture for the required attributes, then the exception photo when exceptions
 * are marked and the field asks for it (`exceptionPhotoRequired`). A modality whose attributes are
 * all excepted stays: the back end records exceptions from the capture request that carries them.
 */
export function modalitiesFor(required: readonly BioAttribute[], exceptions: readonly BioAttribute[], isPhotoRequired: boolean): Modality[] {
  const needed = CAPTURE_ORDER.filter((m) => MODALITY_ATTRIBUTES[m].some((a) => required.includes(a)));
  return exceptions.length > 0 && isPhotoRequired ? [...needed, 'exception-photo'] : needed;
}

/** Key of one field's modality in the attempts map. */
export function attemptKey(fieldId: string, modality: Modality): string {
  return `${fieldId}:${modality}`;
}

/** The capture panels that still hold a missing attribute, in capture order: what a "biometrics incomplete" message names. */
export function missingModalities(missing: readonly BioAttribute[]): Modality[] {
  return CAPTURE_ORDER.filter((m) => MODALITY_ATTRIBUTES[m].some((a) => missing.includes(a)));
}
