import type { BioType } from '../../schemas/sbi';

/**
 * The image of the first representation of an ISO/IEC 19794-4/-6/-5:2011 record, located by the
 * byte layout MOSIP's bio-utils reads (release-1.2.0.1, `finger|iris|face/RepresentationHeader`,
 * `ImageInformation`, `ImageData` `readObject`). Every read is bounds-checked: the record comes
 * from a device and is untrusted.
 */
export interface IsoImage {
  readonly bioType: BioType;
  /** finger: compression algorithm; iris: image format; face: image data type */
  readonly code: number;
  /** iris only: image properties bits 6–7, compression history (1 = lossless or none) */
  readonly compressionHistory: number | undefined;
  readonly width: number;
  readonly height: number;
  readonly image: Buffer;
}

class Reader {
  at: number;
  constructor(readonly bytes: Buffer, at: number) {
    this.at = at;
  }
  skip(n: number): void {
    this.need(n);
    this.at += n;
  }
  u8(): number {
    this.need(1);
    return this.bytes.readUInt8(this.at++);
  }
  u16(): number {
    this.need(2);
    const v = this.bytes.readUInt16BE(this.at);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.bytes.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }
  need(n: number): void {
    if (this.at + n > this.bytes.length) throw new IsoLayoutError(`record ends at byte ${this.bytes.length}, ${n} more needed at ${this.at}`);
  }
}

/** A record whose layout does not hold together; `message` says where. */
export class IsoLayoutError extends Error {}

/** Representation header up to the quality blocks, which all three formats share (2011 editions). */
function skipCommonRepresentationHeader(r: Reader): void {
  r.skip(4 + 9 + 1 + 2 + 2); // length, capture date-time, technology, vendor, type
  r.skip(r.u8() * 5); // quality blocks: score, algorithm vendor, algorithm id
}

function finger(iso: Buffer): IsoImage {
  const certified = iso.readUInt8(14) === 1;
  const r = new Reader(iso, 16);
  skipCommonRepresentationHeader(r);
  if (certified) r.skip(r.u8() * 3); // certification blocks: authority (2), scheme (1)
  r.skip(1 + 1 + 1 + 8 + 1); // position, representation no, scale units, sampling rates, bit depth
  const code = r.u8();
  r.skip(1); // impression type
  const width = r.u16();
  const height = r.u16();
  return { bioType: 'Finger', code, compressionHistory: undefined, width, height, image: imageData(r) };
}

function iris(iso: Buffer): IsoImage {
  const r = new Reader(iso, 16);
  skipCommonRepresentationHeader(r);
  r.skip(2 + 1 + 1); // representation no (2 bytes in bio-utils), eye label, image type
  const code = r.u8();
  const properties = r.u8();
  const width = r.u16();
  const height = r.u16();
  r.skip(1 + 2 + 2 + 2 + 8 + 4); // bit depth, range, roll angle, roll uncertainty, centre, diameters
  return { bioType: 'Iris', code, compressionHistory: (properties & 0xc0) >> 6, width, height, image: imageData(r) };
}

function face(iso: Buffer): IsoImage {
  const r = new Reader(iso, 17);
  skipCommonRepresentationHeader(r);
  const landmarks = r.u16();
  r.skip(1 + 1 + 1 + 1 + 3 + 2 + 3 + 3); // gender, eye, hair, height, features, expression, pose, uncertainty
  r.skip(landmarks * 8);
  r.skip(1); // face image type
  const code = r.u8();
  const width = r.u16();
  const height = r.u16();
  r.skip(1 + 2 + 1 + 1); // spatial sampling, post-acquisition, cross reference, colour space
  return { bioType: 'Face', code, compressionHistory: undefined, width, height, image: imageData(r) };
}

function imageData(r: Reader): Buffer {
  const length = r.u32();
  r.need(length);
  return r.bytes.subarray(r.at, r.at + length);
}

const HEADER_LENGTH: Readonly<Record<BioType, number>> = { Finger: 16, Iris: 16, Face: 17 };

/**
 * Locates the image of a record already known to start with its format identifier.
 * @throws IsoLayoutError when the record is shorter than its own fields say
 */
export function readIsoImage(iso: Buffer, bioType: BioType): IsoImage {
  if (iso.length < HEADER_LENGTH[bioType]) throw new IsoLayoutError(`record of ${iso.length} bytes is shorter than its general header`);
  if (bioType === 'Finger') return finger(iso);
  if (bioType === 'Iris') return iris(iso);
  return face(iso);
}
