import jpeg from 'jpeg-js';
import type { DecodedImage } from './Jpeg2000Decoder';

/** RGBA bytes (alpha 255) of decoded grey or RGB samples, for encoders and scalers that take RGBA. */
export function toRgba(image: DecodedImage): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(image.width * image.height * 4);
  const c = image.components;
  for (let i = 0, o = 0; o < data.length; i += c, o += 4) {
    data[o] = image.samples[i]!;
    data[o + 1] = image.samples[c === 1 ? i : i + 1]!;
    data[o + 2] = image.samples[c === 1 ? i : i + 2]!;
    data[o + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/**
 * A JPEG of a decoded image, shrunk (box average) so its longest side is at most `maxSide`:
 * what a browser page can show of a JPEG 2000 capture.
 */
export function jpegPreview(image: DecodedImage, maxSide: number, quality = 80): Buffer {
  const scale = Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
  const width = Math.max(1, Math.floor(image.width / scale));
  const height = Math.max(1, Math.floor(image.height / scale));
  const rgba = Buffer.alloc(width * height * 4);
  const c = image.components;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sums = [0, 0, 0];
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = ((y * scale + dy) * image.width + (x * scale + dx)) * c;
          for (let k = 0; k < 3; k++) sums[k]! += image.samples[at + (c === 1 ? 0 : k)]!;
        }
      }
      const out = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) rgba[out + k] = Math.round(sums[k]! / (scale * scale));
      rgba[out + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data: rgba, width, height }, quality).data);
}
