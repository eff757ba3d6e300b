import { createHash } from 'node:crypto';
import { faceRecord, fingerRecord, irisRecord } from './isoRecords';
import { encodeGreyPng, faceJpeg, fingerprintImage, irisImage, previewJpeg } from './syntheticImages';

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

const imageCache = new Map<string, { bytes: Buffer; width: number; height: number; preview: Buffer }>();

function cachedImage(kind: 'finger' | 'iris' | 'face' | 'exception', profileId: string, part: string) {
  const key = `${kind}/${profileId}/${part}`;
  const hit = imageCache.get(key);
  if (hit) return hit;
  const seed = seedOf(profileId, part);
  let made: { bytes: Buffer; width: number; height: number; preview: Buffer };
  if (kind === 'finger' || kind === 'iris') {
    const grey = kind === 'finger' ? fingerprintImage(seed) : irisImage(seed);
    made = { bytes: encodeGreyPng(grey), width: grey.width, height: grey.height, preview: previewJpeg(grey) };
  } else {
    const bytes = faceJpeg(seed, kind === 'exception');
    made = { bytes, width: 240, height: 320, preview: bytes };
  }
  imageCache.set(key, made);
  return made;
}

/** Builds the ISO record of one biometric: `subType` is undefined for face / exception photo. */
export function buildIsoRecord(type: string, subType: string | undefined, isExceptionPhoto: boolean, profileId: string, quality: number, at: Date): Buffer {
  if (type === 'Finger') {
    const image = cachedImage('finger', profileId, subType ?? 'UNKNOWN');
    return fingerRecord(subType ?? 'UNKNOWN', image.bytes, image.width, image.height, quality, at);
  }
  if (type === 'Iris') {
    const image = cachedImage('iris', profileId, subType ?? 'Left');
    return irisRecord(subType === 'Right' ? 'Right' : 'Left', image.bytes, image.width, image.height, quality, at);
  }
  const image = cachedImage(isExceptionPhoto ? 'exception' : 'face', profileId, 'face');
  return faceRecord(image.bytes, image.width, image.height, quality, at);
}

/** The JPEG shown in the live preview of a device. */
export function previewFrame(kind: SimDeviceKind, profileId: string): Buffer {
  if (kind === 'finger') return cachedImage('finger', profileId, 'Left IndexFinger').preview;
  if (kind === 'iris') return cachedImage('iris', profileId, 'Left').preview;
  return cachedImage('face', profileId, 'face').preview;
}
