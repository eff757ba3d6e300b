/**
 * ISO/IEC 19794-4/-5/-6:2011 records (finger, face, iris), byte layout of the 2011 editions as
 * MOSIP's biometrics-util reads them. One representation per record, one quality block carrying
 * the score the device reports as `qualityScore` (so `fromIso` scores are real).
 */

/** ISO/IEC 19794-4:2011 compression codes (bio-utils `finger/FingerImageCompressionType`). */
export const FINGER_COMPRESSION = { WSQ: 2, JPEG_2000_LOSSY: 4, JPEG_2000_LOSS_LESS: 5, PNG: 6 } as const;
/** ISO/IEC 19794-6:2011 image formats (bio-utils `iris/ImageFormat`). */
export const IRIS_IMAGE_FORMAT = { MONO_JPEG: 0x06, MONO_JPEG2000: 0x0a, MONO_PNG: 0x0e } as const;
/** ISO/IEC 19794-5:2011 image data types (bio-utils `face/ImageDataType`). */
export const FACE_IMAGE_DATA_TYPE = { JPEG: 0, JPEG2000_LOSSY: 1, JPEG2000_LOSS_LESS: 2, PNG: 3 } as const;
/** Iris image properties bits 6–7, compression history (bio-utils `iris/IrisImageCompressionType`, `ImageInformation`). */
const IRIS_LOSSLESS_OR_NONE = 0x01 << 6;

/** Finger positions of ISO/IEC 19794-4 Table 5, keyed by MDS bioSubType. */
export const FINGER_POSITION: Readonly<Record<string, number>> = {
  'Right Thumb': 1, 'Right IndexFinger': 2, 'Right MiddleFinger': 3, 'Right RingFinger': 4, 'Right LittleFinger': 5,
  'Left Thumb': 6, 'Left IndexFinger': 7, 'Left MiddleFinger': 8, 'Left RingFinger': 9, 'Left LittleFinger': 10,
};

/** 9-byte capture date/time of the 2011 records (UTC). */
function captureDateTime(at: Date): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16BE(at.getUTCFullYear(), 0);
  b.writeUInt8(at.getUTCMonth() + 1, 2);
  b.writeUInt8(at.getUTCDate(), 3);
  b.writeUInt8(at.getUTCHours(), 4);
  b.writeUInt8(at.getUTCMinutes(), 5);
  b.writeUInt8(at.getUTCSeconds(), 6);
  b.writeUInt16BE(at.getUTCMilliseconds(), 7);
  return b;
}

/** Capture device technology/vendor/type + one quality block (score, algorithm vendor, algorithm id). */
function deviceAndQuality(technology: number, quality: number): Buffer {
  const b = Buffer.alloc(1 + 2 + 2 + 1 + 5);
  b.writeUInt8(technology, 0);
  b.writeUInt16BE(0x00ff, 1); // vendor id: unreported (simulator)
  b.writeUInt16BE(0x0001, 3);
  b.writeUInt8(1, 5); // one quality block
  b.writeUInt8(Math.max(0, Math.min(100, Math.round(quality))), 6);
  b.writeUInt16BE(0x00ff, 7);
  b.writeUInt16BE(0x0001, 9);
  return b;
}

function generalHeader(format: string, version: string, representations: number, tail: Buffer, recordLength: number): Buffer {
  const b = Buffer.alloc(14);
  b.write(`${format}\0`, 0, 'latin1');
  b.write(`${version}\0`, 4, 'latin1');
  b.writeUInt32BE(recordLength, 8);
  b.writeUInt16BE(representations, 12);
  return Buffer.concat([b, tail]);
}

/** ISO/IEC 19794-4:2011 finger image record; `compression` must name what `png` (the image bytes) is. */
export function fingerRecord(bioSubType: string, png: Buffer, width: number, height: number, quality: number, at: Date, compression: number = FINGER_COMPRESSION.PNG): Buffer {
  const position = FINGER_POSITION[bioSubType] ?? 0;
  const image = Buffer.alloc(1 + 1 + 1 + 8 + 1 + 1 + 1 + 4 + 4);
  let o = 0;
  o = image.writeUInt8(position, o);
  o = image.writeUInt8(1, o); // representation number
  o = image.writeUInt8(1, o); // scale units: pixels per inch
  for (let i = 0; i < 4; i++) o = image.writeUInt16BE(500, o); // scan and image sampling rates
  o = image.writeUInt8(8, o); // bit depth
  o = image.writeUInt8(compression, o);
  o = image.writeUInt8(0, o); // impression: live-scan plain
  o = image.writeUInt16BE(width, o);
  o = image.writeUInt16BE(height, o);
  image.writeUInt32BE(png.length, o);
  const bodyWithoutLength = Buffer.concat([captureDateTime(at), deviceAndQuality(1, quality), image, png]);
  const representation = Buffer.concat([u32(4 + bodyWithoutLength.length), bodyWithoutLength]);
  const recordLength = 16 + representation.length;
  return Buffer.concat([generalHeader('FIR', '020', 1, Buffer.from([0, 1]), recordLength), representation]);
}

/** ISO/IEC 19794-6:2011 iris image record; eye 1 = right, 2 = left; `format` must name what `png` (the image bytes) is. */
export function irisRecord(eye: 'Left' | 'Right', png: Buffer, width: number, height: number, quality: number, at: Date, format: number = IRIS_IMAGE_FORMAT.MONO_PNG): Buffer {
  const image = Buffer.alloc(2 + 1 + 1 + 1 + 1 + 2 + 2 + 1 + 2 + 2 + 2 + 8 + 4 + 4);
  let o = 0;
  o = image.writeUInt16BE(1, o); // representation number: 2 bytes (bio-utils iris/RepresentationHeader.readObject)
  o = image.writeUInt8(eye === 'Right' ? 1 : 2, o);
  o = image.writeUInt8(2, o); // image type: VGA (K2)
  o = image.writeUInt8(format, o);
  o = image.writeUInt8(IRIS_LOSSLESS_OR_NONE, o); // properties: orientations undefined, lossless (PNG and JPEG 2000 lossless both are)
  o = image.writeUInt16BE(width, o);
  o = image.writeUInt16BE(height, o);
  o = image.writeUInt8(8, o); // bit depth
  o = image.writeUInt16BE(0, o); // range: unassigned
  o = image.writeUInt16BE(0xffff, o); // roll angle: undefined
  o = image.writeUInt16BE(0xffff, o); // roll uncertainty: undefined
  o = image.writeUInt16BE(width / 2 - 90, o); // iris centre smallest/largest x, y
  o = image.writeUInt16BE(width / 2 + 90, o);
  o = image.writeUInt16BE(height / 2 - 90, o);
  o = image.writeUInt16BE(height / 2 + 90, o);
  o = image.writeUInt16BE(180, o); // iris diameter smallest/largest
  o = image.writeUInt16BE(180, o);
  image.writeUInt32BE(png.length, o);
  const bodyWithoutLength = Buffer.concat([captureDateTime(at), deviceAndQuality(1, quality), image, png]);
  const representation = Buffer.concat([u32(4 + bodyWithoutLength.length), bodyWithoutLength]);
  const recordLength = 16 + representation.length;
  return Buffer.concat([generalHeader('IIR', '020', 1, Buffer.from([0, 1]), recordLength), representation]);
}

/** ISO/IEC 19794-5:2011 face image record, full frontal, RGB 24-bit; `dataType` must name what `jpegBytes` (the image bytes) is. */
export function faceRecord(jpegBytes: Buffer, width: number, height: number, quality: number, at: Date, dataType: number = FACE_IMAGE_DATA_TYPE.JPEG): Buffer {
  const facial = Buffer.alloc(2 + 1 + 1 + 1 + 1 + 3 + 2 + 3 + 3);
  facial.writeUInt16BE(0, 0); // landmark points
  // gender, eye colour, hair colour, height, property mask, expression, pose, pose uncertainty: unspecified (0)
  // layout of bio-utils face/ImageInformation.readObject + ImageData.readObject (as MockMDS's Face.iso)
  const imageInfo = Buffer.alloc(1 + 1 + 2 + 2 + 1 + 2 + 1 + 1 + 4);
  let o = 0;
  o = imageInfo.writeUInt8(1, o); // face image type: full frontal
  o = imageInfo.writeUInt8(dataType, o);
  o = imageInfo.writeUInt16BE(width, o);
  o = imageInfo.writeUInt16BE(height, o);
  o = imageInfo.writeUInt8(0, o); // spatial sampling rate level
  o = imageInfo.writeUInt16BE(0, o); // post-acquisition processing (2 bytes)
  o = imageInfo.writeUInt8(0, o); // cross reference
  o = imageInfo.writeUInt8(1, o); // colour space: 24-bit RGB
  imageInfo.writeUInt32BE(jpegBytes.length, o); // image data length
  const bodyWithoutLength = Buffer.concat([captureDateTime(at), deviceAndQuality(1, quality), facial, imageInfo, jpegBytes]);
  const representation = Buffer.concat([u32(4 + bodyWithoutLength.length), bodyWithoutLength]);
  const recordLength = 17 + representation.length;
  return Buffer.concat([generalHeader('FAC', '030', 1, Buffer.from([0, 0, 0]), recordLength), representation]);
}

/** Reads the quality score of the first representation (`fromIso` of MockMDS's admin score). */
export function isoQualityScore(record: Buffer): number {
  const headerLength = record.subarray(0, 3).toString('latin1') === 'FAC' ? 17 : 16;
  // representation length (4) + date (9) + technology (1) + vendor (2) + type (2) + count (1) → score
  return record.readUInt8(headerLength + 4 + 9 + 5 + 1);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value, 0);
  return b;
}
