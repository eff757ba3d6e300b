import { AppError } from '../../schemas/errors';
import type { BioType } from '../../schemas/sbi';
import { codestreamOf, readJ2kHeader, sniffImageKind } from '../image/jpeg2000Header';
import { IsoLayoutError, readIsoImage, type IsoImage } from './isoImage';

/**
 * What MOSIP 1.2 requires inside a registration device's ISO record (mosip/bio-utils
 * release-1.2.0.1): finger compression JPEG_2000_LOSS_LESS = 5
 * (`finger/FingerISOStandardsValidator.isValidImageCompressionType`, REGISTRATION), iris format
 * MONO_JPEG2000 = 0x0A (`iris/IrisISOStandardsValidator.isValidImageFromat`) with compression
 * history JPEG_LOSSLESS_OR_NONE = 1 (`isValidImageCompressionType`), face image data type
 * JPEG2000_LOSS_LESS = 2 (`face/FaceISOStandardsValidator.isValidImageCompressionType`); the bytes
 * must be JPEG 2000 (`ISOStandardsValidator.isValidImageData` REGISTRATION → `isJP2000`) and
 * lossless (`decoderRequestDto.isLossless()`).
 */
const REQUIRED_CODE: Readonly<Record<BioType, number>> = { Finger: 5, Iris: 0x0a, Face: 2 };
const REQUIRED_TEXT: Readonly<Record<BioType, string>> = {
  Finger: 'JPEG 2000 lossless (ISO 19794-4 compression code 5)',
  Iris: 'JPEG 2000 lossless (ISO 19794-6 image format 10, compression history lossless)',
  Face: 'JPEG 2000 lossless (ISO 19794-5 image data type 2)',
};
const CODE_NAMES: Readonly<Record<BioType, Readonly<Record<number, string>>>> = {
  Finger: { 0: 'uncompressed', 1: 'uncompressed bit-packed', 2: 'WSQ', 3: 'JPEG', 4: 'JPEG 2000 lossy', 5: 'JPEG 2000 lossless', 6: 'PNG' },
  Iris: { 2: 'mono raw', 4: 'RGB raw', 6: 'mono JPEG', 8: 'RGB JPEG', 10: 'mono JPEG 2000', 12: 'RGB JPEG 2000', 14: 'mono PNG', 16: 'RGB PNG' },
  Face: { 0: 'JPEG', 1: 'JPEG 2000 lossy', 2: 'JPEG 2000 lossless', 3: 'PNG' },
};

/**
 * Largest image a capture record may declare, checked from the header before anything decodes
 * it: a 1000 ppi slap is about 3200 × 3000, an ICAO face a few megapixels.
 */
export const MAX_IMAGE_PIXELS = 16_000_000;

function codeText(bioType: BioType, code: number): string {
  return `code ${code} (${CODE_NAMES[bioType][code] ?? 'unassigned'})`;
}

/**
 * Checks the image inside one element's ISO record and returns where it is.
 * @throws AppError ERR_SBI_ISO_INVALID (layout or JPEG 2000 header broken),
 *   ERR_SBI_IMAGE_TOO_LARGE (declared size), ERR_SBI_IMAGE_FORMAT (code, magic bytes or lossy wavelet)
 */
export function checkIsoImage(iso: Buffer, bioType: BioType, where: Readonly<{ port: number; index: number }>): IsoImage {
  const { port, index } = where;
  let image: IsoImage;
  try {
    image = readIsoImage(iso, bioType);
  } catch (err) {
    if (err instanceof IsoLayoutError) throw new AppError('ERR_SBI_ISO_INVALID', { port, index, issue: err.message }, { cause: err });
    throw err;
  }
  const { width, height } = image;
  if (width === 0 || height === 0) throw new AppError('ERR_SBI_ISO_INVALID', { port, index, issue: `image size ${width}x${height}` });
  if (width * height > MAX_IMAGE_PIXELS) throw new AppError('ERR_SBI_IMAGE_TOO_LARGE', { port, index, modality: bioType, width, height, maxPixels: MAX_IMAGE_PIXELS });
  const required = REQUIRED_TEXT[bioType];
  const refuse = (found: string): AppError => new AppError('ERR_SBI_IMAGE_FORMAT', { port, index, modality: bioType, found, required });
  if (image.code !== REQUIRED_CODE[bioType]) throw refuse(codeText(bioType, image.code));
  if (bioType === 'Iris' && image.compressionHistory !== 1) throw refuse(`compression history ${image.compressionHistory ?? 'absent'} (lossless is 1)`);
  const kind = sniffImageKind(image.image);
  if (kind !== 'JP2' && kind !== 'J2K') throw refuse(`${kind} bytes under ${codeText(bioType, image.code)}`);
  const header = (() => {
    const codestream = codestreamOf(image.image);
    return codestream ? readJ2kHeader(codestream) : undefined;
  })();
  if (!header) throw new AppError('ERR_SBI_ISO_INVALID', { port, index, issue: `${kind} image without a readable JPEG 2000 main header` });
  if (header.width !== width || header.height !== height) {
    throw new AppError('ERR_SBI_ISO_INVALID', { port, index, issue: `record says ${width}x${height}, JPEG 2000 header says ${header.width}x${header.height}` });
  }
  if (!header.reversible) throw refuse('JPEG 2000 lossy (irreversible 9-7 wavelet)');
  return image;
}
