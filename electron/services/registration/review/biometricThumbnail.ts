import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { MAX_THUMBNAIL_BASE64 } from '../../../../schemas/packetSummary';
import { downscale, type Rgba } from './rgbaDownscale';
import type { Jpeg2000Decoder } from '../../../../native/image/Jpeg2000Decoder';
import { sniffImageKind } from '../../../../native/image/jpeg2000Header';
import { toRgba } from '../../../../native/image/jpegPreview';
import { readIsoImage } from '../../../../native/sbi/isoImage';
import type { BioType } from '../../../../schemas/sbi';

/** Longest side of a thumbnail, px: enough to recognise a face or see a smudged print. */
export const THUMBNAIL_SIDE = 96;
const QUALITIES = [70, 50, 30] as const;
/** a capture is a few hundred pixels a side; anything far larger is not a capture image */
const MAX_MEGAPIXELS = 4;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from('IEND', 'latin1');

/**
 * The image inside an ISO/IEC 19794-4/-5/-6 record (finger, face, iris), found by its markers
 * rather than by parsing the record (as `faceJpegOf` does): a PNG or a JPEG. Undefined for JPEG
 * 2000 and WSQ, which MOSIP devices often send and a browser cannot show.
 */
export function embeddedImageOf(record: Buffer): Readonly<{ format: 'png' | 'jpg'; bytes: Buffer }> | undefined {
  const png = record.indexOf(PNG_SIGNATURE);
  if (png >= 0) {
    const end = record.indexOf(PNG_END, png);
    // IEND is followed by its 4-byte CRC
    if (end > png && end + 8 <= record.length) return { format: 'png', bytes: Buffer.from(record.subarray(png, end + 8)) };
  }
  const start = record.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const stop = record.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return start >= 0 && stop > start ? { format: 'jpg', bytes: Buffer.from(record.subarray(start, stop + 2)) } : undefined;
}

function decode(image: Readonly<{ format: 'png' | 'jpg'; bytes: Buffer }>): Rgba {
  if (image.format === 'jpg') {
    const img = jpeg.decode(image.bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 64 });
    return { width: img.width, height: img.height, data: img.data };
  }
  const png = PNG.sync.read(image.bytes);
  if (png.width * png.height > MAX_MEGAPIXELS * 1e6) throw new RangeError(`png of ${png.width}x${png.height} is larger than a capture`);
  return { width: png.width, height: png.height, data: png.data };
}

const BIO_TYPE_OF: Readonly<Record<string, BioType>> = { FIR: 'Finger', IIR: 'Iris', FAC: 'Face' };

/** The JPEG 2000 image of a record, decoded (what MOSIP devices send); undefined for any other record. */
function jpeg2000Of(record: Buffer, decoder: Jpeg2000Decoder): Rgba | undefined {
  const bioType = BIO_TYPE_OF[record.subarray(0, 3).toString('latin1')];
  if (!bioType) return undefined;
  const { image } = readIsoImage(record, bioType);
  const kind = sniffImageKind(image);
  return kind === 'JP2' || kind === 'J2K' ? toRgba(decoder.decode(image, MAX_MEGAPIXELS * 1e6)) : undefined;
}

/**
 * A small JPEG (base64, at most MAX_THUMBNAIL_BASE64 characters) of the image inside a capture's
 * ISO record — JPEG 2000 when a decoder is given, else PNG or JPEG — or null when it has none or it
 * cannot be decoded: a thumbnail is a convenience for the supervisor, never a reason to refuse a registration.
 */
export function biometricThumbnail(isoRecord: Buffer, maxSide = THUMBNAIL_SIDE, decoder?: Jpeg2000Decoder): string | null {
  let small: Rgba;
  try {
    const j2k = decoder ? jpeg2000Of(isoRecord, decoder) : undefined;
    const image = j2k ? undefined : embeddedImageOf(isoRecord);
    if (!j2k && !image) return null;
    small = downscale(j2k ?? decode(image!), maxSide);
  } catch {
    // a damaged or unsupported image: the summary shows "no image" for this attribute
    return null;
  }
  for (const quality of QUALITIES) {
    const base64 = Buffer.from(jpeg.encode({ width: small.width, height: small.height, data: small.data }, quality).data).toString('base64');
    if (base64.length <= MAX_THUMBNAIL_BASE64) return base64;
  }
  return null;
}
