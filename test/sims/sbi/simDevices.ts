import { createHash } from 'node:crypto';
import { FACE_IMAGE_DATA_TYPE, faceRecord, FINGER_COMPRESSION, fingerRecord, IRIS_IMAGE_FORMAT, irisRecord } from './isoRecords';
import { encodeJp2Lossless } from './jpeg2000';
import { encodeGreyPng, faceImage, faceJpeg, fingerprintImage, irisImage, previewJpeg, rgbSamples } from './syntheticImages';

/** The three registration devices of MockMDS (sbi-protocol.md §6.1), one per simulator port. */
export type SimDeviceKind = 'finger' | 'iris' | 'face';

/** Static description of one simulated device: discovery, info and digitalId fields. */
export interface SimDeviceDefinition {
  readonly kind: SimDeviceKind;
  readonly deviceId: string;
  readonly type: 'Finger' | 'Iris' | 'Face';
  readonly deviceSubType: string;
  readonly deviceSubIds: readonly string[];
  readonly serialNo: string;
  readonly make: string;
  readonly model: string;
  readonly firmware: string;
  readonly deviceCode: string;
  /** spec-default quality score of a well-placed biometric */
  readonly defaultScore: number;
}

export const SIM_DEVICES: Readonly<Record<SimDeviceKind, SimDeviceDefinition>> = {
  finger: {
    kind: 'finger', deviceId: '2', type: 'Finger', deviceSubType: 'Slap', deviceSubIds: ['1', '2', '3'],
    serialNo: 'SIMSLAP000000001', make: 'RegClient', model: 'SIM-SLAP-1', firmware: 'SIM.SLAP.1.0.0', deviceCode: 'SIMSLAP000000001', defaultScore: 78,
  },
  iris: {
    kind: 'iris', deviceId: '1', type: 'Iris', deviceSubType: 'Double', deviceSubIds: ['1', '2', '3'],
    serialNo: 'SIMIRIS000000001', make: 'RegClient', model: 'SIM-IRIS-2', firmware: 'SIM.IRIS.1.0.0', deviceCode: 'SIMIRIS000000001', defaultScore: 82,
  },
  face: {
    kind: 'face', deviceId: '3', type: 'Face', deviceSubType: 'Full face', deviceSubIds: ['0'],
    serialNo: 'SIMFACE000000001', make: 'RegClient', model: 'SIM-FACE-1', firmware: 'SIM.FACE.1.0.0', deviceCode: 'SIMFACE000000001', defaultScore: 93,
  },
};

/** The subtypes each deviceSubId captures, in MockMDS element order (§1.7, §2.4). */
export const SUBTYPES_BY_SUB_ID: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Finger: {
    '1': ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger'],
    '2': ['Right IndexFinger', 'Right MiddleFinger', 'Right RingFinger', 'Right LittleFinger'],
    '3': ['Left Thumb', 'Right Thumb'],
  },
  Iris: { '1': ['Left'], '2': ['Right'], '3': ['Left', 'Right'] },
  Face: { '0': [] },
};

const FINGER_NAMES = ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger', 'Left Thumb', 'Right IndexFinger', 'Right MiddleFinger', 'Right RingFinger', 'Right LittleFinger', 'Right Thumb'];

/** Valid names in `bioSubType`/`exception` for a bio type (MockMDS 122 otherwise). */
export function validSubTypeNames(type: string): readonly string[] {
  if (type === 'Finger') return FINGER_NAMES;
  if (type === 'Iris') return ['Left', 'Right'];
  return FINGER_NAMES.concat(['Left', 'Right']); // face exceptions name the missing parts
}

/** Seed of one synthetic person + body part, so a profile always gives the same images. */
function seedOf(profileId: string, part: string): number {
  return createHash('sha256').update(`${profileId}/${part}`).digest().readUInt32BE(0);
}

/**
 * What a device puts inside its ISO records. `jpeg2000`: a lossless JP2 with the codes MOSIP's
 * registration checks require (bio-utils FingerISOStandardsValidator / IrisISOStandardsValidator /
 * FaceISOStandardsValidator `isValidImageCompressionType`, `isValidImageFromat`). `legacy` (fault
 * `pngImage`): PNG finger/iris, JPEG face, honestly labelled. `mislabelled` (fault
 * `mislabelledImage`): the header says JPEG 2000 lossless, the bytes are PNG/JPEG.
 */
export type SimImageFormat = 'jpeg2000' | 'legacy' | 'mislabelled';

interface SimImage {
  readonly width: number;
  readonly height: number;
  /** JPEG 2000 lossless JP2, encoded at the first capture (the live preview needs none, nor the encoder) */
  jp2(): Buffer;
  /** PNG (finger, iris) or JPEG (face) */
  readonly legacy: Buffer;
  readonly preview: Buffer;
}

const imageCache = new Map<string, SimImage>();

function once(make: () => Buffer): () => Buffer {
  let made: Buffer | undefined;
  return () => (made ??= make());
}

function cachedImage(kind: 'finger' | 'iris' | 'face' | 'exception', profileId: string, part: string): SimImage {
  const key = `${kind}/${profileId}/${part}`;
  const hit = imageCache.get(key);
  if (hit) return hit;
  const seed = seedOf(profileId, part);
  let made: SimImage;
  if (kind === 'finger' || kind === 'iris') {
    const grey = kind === 'finger' ? fingerprintImage(seed) : irisImage(seed);
    const jp2 = once(() => encodeJp2Lossless({ width: grey.width, height: grey.height, components: 1, samples: grey.pixels }));
    made = { width: grey.width, height: grey.height, jp2, legacy: encodeGreyPng(grey), preview: previewJpeg(grey) };
  } else {
    const face = faceImage(seed, kind === 'exception');
    const jp2 = once(() => encodeJp2Lossless({ width: face.width, height: face.height, components: 3, samples: rgbSamples(face) }));
    const jpeg = faceJpeg(seed, kind === 'exception');
    made = { width: face.width, height: face.height, jp2, legacy: jpeg, preview: jpeg };
  }
  imageCache.set(key, made);
  return made;
}

/**
 * Builds the ISO record of one biometric: `subType` is undefined for face / exception photo.
 * Call `loadJpeg2000()` once before (the device does at its first capture).
 */
export function buildIsoRecord(type: string, subType: string | undefined, isExceptionPhoto: boolean, profileId: string, quality: number, at: Date, format: SimImageFormat = 'jpeg2000'): Buffer {
  const isJ2kCode = format !== 'legacy';
  if (type === 'Finger') {
    const image = cachedImage('finger', profileId, subType ?? 'UNKNOWN');
    const code = isJ2kCode ? FINGER_COMPRESSION.JPEG_2000_LOSS_LESS : FINGER_COMPRESSION.PNG;
    return fingerRecord(subType ?? 'UNKNOWN', format === 'jpeg2000' ? image.jp2() : image.legacy, image.width, image.height, quality, at, code);
  }
  if (type === 'Iris') {
    const image = cachedImage('iris', profileId, subType ?? 'Left');
    const code = isJ2kCode ? IRIS_IMAGE_FORMAT.MONO_JPEG2000 : IRIS_IMAGE_FORMAT.MONO_PNG;
    return irisRecord(subType === 'Right' ? 'Right' : 'Left', format === 'jpeg2000' ? image.jp2() : image.legacy, image.width, image.height, quality, at, code);
  }
  const image = cachedImage(isExceptionPhoto ? 'exception' : 'face', profileId, 'face');
  const code = isJ2kCode ? FACE_IMAGE_DATA_TYPE.JPEG2000_LOSS_LESS : FACE_IMAGE_DATA_TYPE.JPEG;
  return faceRecord(format === 'jpeg2000' ? image.jp2() : image.legacy, image.width, image.height, quality, at, code);
}

/** The JPEG shown in the live preview of a device. */
export function previewFrame(kind: SimDeviceKind, profileId: string): Buffer {
  if (kind === 'finger') return cachedImage('finger', profileId, 'Left IndexFinger').preview;
  if (kind === 'iris') return cachedImage('iris', profileId, 'Left').preview;
  return cachedImage('face', profileId, 'face').preview;
}
