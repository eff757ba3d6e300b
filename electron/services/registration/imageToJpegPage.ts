import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { AppError } from '../../../schemas/errors';
import { imageDimensions } from './imageDimensions';

/** One page image, re-encoded as a baseline JPEG ready for the PDF. */
export interface JpegPage {
  readonly width: number;
  readonly height: number;
  readonly jpeg: Uint8Array;
}

export interface JpegPageOptions {
  readonly maxPixelSide: number;
  readonly quality: number;
}

/** images above this are refused from their header, before decoding, so a hostile file cannot exhaust memory or time */
export const MAX_MEGAPIXELS = 60;
/**
 * One page at a time: a 24-megapixel photo takes ~100 MB decoded, and the operator attaches pages
 * one document at a time anyway; a second draft's upload waits rather than doubling peak memory.
 */
const MAX_PIPELINES = 1;
/** libvips threads for that one pipeline: the client machines have 2 cores, the UI needs one too. */
const VIPS_THREADS = Math.max(1, Math.min(2, availableParallelism()));

let configured = false;
let running = 0;
const waiting: (() => void)[] = [];

/** Once per process: bounded threads, and no operation cache (each page is decoded once, so it only holds memory). */
function configureSharp(): void {
  if (configured) return;
  sharp.concurrency(VIPS_THREADS);
  sharp.cache(false);
  configured = true;
}

async function inQueue<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PIPELINES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Checks the size the header declares, before any pixel is decoded (issue 12). */
function checkHeader(name: string, bytes: Uint8Array, format: 'jpg' | 'png'): void {
  const size = imageDimensions(bytes, format);
  if (!size) throw new AppError('ERR_REG_DOCUMENT_UNREADABLE', { name, reason: `no ${format.toUpperCase()} header with the image's size` });
  if (size.width * size.height > MAX_MEGAPIXELS * 1e6) {
    throw new AppError('ERR_REG_DOCUMENT_TOO_MANY_PIXELS', { name, width: size.width, height: size.height, limitMegapixels: MAX_MEGAPIXELS });
  }
}

/**
 * Whether the file stops before its format's end marker. libvips' PNG loader says only "libpng
 * read error" for both a cut and a damaged file, so the bytes tell the two apart: a PNG ends with
 * its IEND chunk, a JPEG with EOI (FF D9, which entropy-coded data never contains).
 */
function endsEarly(bytes: Uint8Array, format: 'jpg' | 'png'): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-32);
  return format === 'png' ? !tail.includes('IEND', 0, 'latin1') : !tail.includes(Buffer.from([0xff, 0xd9]));
}

/**
 * libvips' own `limitInputPixels` guard sits behind the header check with the same limit; if its
 * reading of a header ever differs, its refusal reaches the operator as a corrupt image.
 */
function decodeError(name: string, bytes: Uint8Array, format: 'jpg' | 'png', err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  if (endsEarly(bytes, format)) return new AppError('ERR_REG_DOCUMENT_IMAGE_TRUNCATED', { name, format }, { cause: err });
  return new AppError('ERR_REG_DOCUMENT_IMAGE_CORRUPT', { name, format, reason: message.replace(/^Vips\w*: /, '').trim() }, { cause: err });
}

/**
 * Decodes a scanned page or photo with libvips, turns it upright by its EXIF orientation,
 * flattens transparency onto white, shrinks it to `maxPixelSide` and re-encodes it as JPEG
 * without metadata (a phone photo's EXIF carries GPS position and device serials).
 * `failOn: 'warning'`: a page libjpeg had to patch up (grey blocks after damaged data) is refused,
 * not stored as a resident's document.
 * @throws AppError ERR_REG_DOCUMENT_UNREADABLE (no size header), ERR_REG_DOCUMENT_TOO_MANY_PIXELS,
 *   ERR_REG_DOCUMENT_IMAGE_TRUNCATED, ERR_REG_DOCUMENT_IMAGE_CORRUPT
 */
export async function imageToJpegPage(name: string, bytes: Uint8Array, format: 'jpg' | 'png', options: JpegPageOptions): Promise<JpegPage> {
  checkHeader(name, bytes, format);
  configureSharp();
  return inQueue(async () => {
    try {
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_MEGAPIXELS * 1e6, failOn: 'warning', sequentialRead: true })
        .rotate()
        .flatten({ background: '#ffffff' })
        .resize({ width: options.maxPixelSide, height: options.maxPixelSide, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: options.quality })
        .toBuffer({ resolveWithObject: true });
      // a fresh copy: pdf-lib's JPEG embedder reads `data.buffer` from offset 0
      return { width: info.width, height: info.height, jpeg: new Uint8Array(data) };
    } catch (err) {
      throw decodeError(name, bytes, format, err);
    }
  });
}
