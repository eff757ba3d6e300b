import type { BioType } from '../../schemas/sbi';
import { Jpeg2000DecodeError, type Jpeg2000Decoder } from '../image/Jpeg2000Decoder';
import { jpegPreview } from '../image/jpegPreview';
import { MAX_IMAGE_PIXELS } from './checkIsoImage';
import { IsoLayoutError, readIsoImage } from './isoImage';

/** Longest side of the capture preview the biometrics screen shows, px. */
export const CAPTURE_PREVIEW_SIDE = 240;

/**
 * A JPEG a page can show of the JPEG 2000 image inside an ISO record (no browser shows JPEG 2000;
 * MOSIP's client converts the same way, bio-utils `CommonUtil.convertJP2ToJPEGBytes`). `maxSide`
 * undefined keeps the full size. Undefined when the record holds no decodable JPEG 2000: a preview
 * is for the operator's eyes and never a reason to refuse a capture, which checkIsoImage decides.
 */
export function isoPreviewJpeg(iso: Buffer, bioType: BioType, decoder: Jpeg2000Decoder, maxSide: number | undefined = CAPTURE_PREVIEW_SIDE): Buffer | undefined {
  try {
    const image = readIsoImage(iso, bioType);
    // the record's own size is checked before the decoder looks at the codestream's
    if (image.width * image.height > MAX_IMAGE_PIXELS) return undefined;
    const decoded = decoder.decode(image.image, MAX_IMAGE_PIXELS);
    return jpegPreview(decoded, maxSide ?? Math.max(decoded.width, decoded.height));
  } catch (err) {
    if (err instanceof IsoLayoutError || err instanceof Jpeg2000DecodeError) return undefined;
    throw err;
  }
}
