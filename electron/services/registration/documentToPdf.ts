import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { AppError } from '../../../schemas/errors';
import { imageDimensions } from './imageDimensions';

/** One scanned or chosen file: its name (for messages) and bytes. */
export interface DocumentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface DocumentToPdfOptions {
  /** the document's name in messages, e.g. "Proof of address" */
  readonly documentName: string;
  /** `mosip.registration.document_size` (bytes; 2,000,000 in MOSIP's default config) */
  readonly maxBytes: number;
  /** JPEG re-encode quality; 75 keeps printed text of a 200-dpi scan readable */
  readonly jpegQuality?: number;
  /** longest side in pixels after downscaling; 2000 px is an A4 page at about 170 dpi */
  readonly maxPixelSide?: number;
}

export interface DocumentPdf {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
}

type Format = 'jpg' | 'png' | 'pdf';
/** Decoded pixels, 4 bytes (RGBA) per pixel. */
export interface Rgba { readonly width: number; readonly height: number; readonly data: Uint8Array }

const A4_LONG = 841.89;
const A4_SHORT = 595.28;
/** images above this are refused from their header, before decoding, so a hostile file cannot exhaust memory or time */
const MAX_MEGAPIXELS = 60;

/** Detects the format from the first bytes; the file name is only used to name an unsupported one. */
function detectFormat(file: DocumentFile): Format {
  const b = file.bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase() ?? 'unknown';
  throw new AppError('ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT', { name: file.name, format: extension });
}

function decode(file: DocumentFile, format: 'jpg' | 'png'): Rgba {
  const size = imageDimensions(file.bytes, format);
  if (!size) throw new AppError('ERR_REG_DOCUMENT_UNREADABLE', { name: file.name, reason: `no ${format.toUpperCase()} header with the image's size` });
  if (size.width * size.height > MAX_MEGAPIXELS * 1e6) {
    throw new AppError('ERR_REG_DOCUMENT_TOO_MANY_PIXELS', { name: file.name, width: size.width, height: size.height, limitMegapixels: MAX_MEGAPIXELS });
  }
  try {
    if (format === 'jpg') {
      const img = jpeg.decode(file.bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
      return { width: img.width, height: img.height, data: img.data };
    }
    const png = PNG.sync.read(Buffer.from(file.bytes));
    return { width: png.width, height: png.height, data: png.data };
  } catch (err) {
    throw new AppError('ERR_REG_DOCUMENT_UNREADABLE', { name: file.name, reason: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
}

/**
 * Area-average downscale, flattening transparency onto white: averaging (rather than picking
 * pixels) keeps thin strokes of printed text visible at lower resolution.
 */
export function downscale(src: Rgba, maxSide: number): Rgba {
  const scale = Math.min(1, maxSide / Math.max(src.width, src.height));
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.min(src.height, Math.max(y0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.min(src.width, Math.max(x0 + 1, Math.floor((x + 1) / scale)));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * src.width + sx) * 4;
          const alpha = src.data[i + 3]! / 255;
          for (let c = 0; c < 3; c++) sum[c]! += src.data[i + c]! * alpha + 255 * (1 - alpha);
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(sum[c]! / n);
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

async function addImagePage(pdf: PDFDocument, image: Rgba, quality: number): Promise<void> {
  const encoded = jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality);
  // a fresh copy: jpeg-js may return a slice of Node's shared buffer pool, and pdf-lib's JPEG
  // embedder reads `data.buffer` from offset 0 ("SOI not found in JPEG" on small images)
  const embedded = await pdf.embedJpg(new Uint8Array(encoded.data));
  const landscape = image.width > image.height;
  const [pageW, pageH] = landscape ? [A4_LONG, A4_SHORT] : [A4_SHORT, A4_LONG];
  const fit = Math.min(pageW / image.width, pageH / image.height);
  const page = pdf.addPage([pageW, pageH]);
  page.drawImage(embedded, { x: (pageW - image.width * fit) / 2, y: (pageH - image.height * fit) / 2, width: image.width * fit, height: image.height * fit });
}

/** Loads and checks a PDF; pdf-lib is lenient on load, so a page count proves it is usable. */
async function loadPdf(file: DocumentFile): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(new Uint8Array(file.bytes), { updateMetadata: false });
    if (doc.getPageCount() < 1) throw new Error('no pages');
    return doc;
  } catch (err) {
    throw new AppError('ERR_REG_DOCUMENT_UNREADABLE', { name: file.name, reason: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
}

function checkSize(name: string, size: number, limit: number): void {
  if (size > limit) {
    throw new AppError('ERR_REG_DOCUMENT_TOO_LARGE', { name, sizeBytes: size, limitBytes: limit, sizeKb: Math.ceil(size / 1024), limitKb: Math.floor(limit / 1024) });
  }
}

/**
 * Turns the pages of one document into one PDF, as the packet stores documents. JPEG/PNG pages
 * are downscaled and re-encoded as JPEG; a single PDF passes through unchanged after a format and
 * size check; PDFs among images have their pages copied in.
 * @throws AppError ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT (not JPEG/PNG/PDF, named by file),
 *   ERR_REG_DOCUMENT_UNREADABLE (damaged or encrypted), ERR_REG_DOCUMENT_TOO_LARGE (with both sizes).
 */
export async function documentToPdf(files: readonly DocumentFile[], options: DocumentToPdfOptions): Promise<DocumentPdf> {
  if (files.length === 0) throw new AppError('ERR_REG_DOCUMENT_UNREADABLE', { name: options.documentName, reason: 'no pages' });
  const formats = files.map(detectFormat);
  if (files.length === 1 && formats[0] === 'pdf') {
    const only = await loadPdf(files[0]!);
    checkSize(options.documentName, files[0]!.bytes.length, options.maxBytes);
    return { bytes: files[0]!.bytes, pageCount: only.getPageCount() };
  }
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const [i, file] of files.entries()) {
    const format = formats[i]!;
    if (format === 'pdf') {
      const source = await loadPdf(file);
      for (const page of await pdf.copyPages(source, source.getPageIndices())) pdf.addPage(page);
      continue;
    }
    await addImagePage(pdf, downscale(decode(file, format), options.maxPixelSide ?? 2000), options.jpegQuality ?? 75);
  }
  const bytes = await pdf.save();
  checkSize(options.documentName, bytes.length, options.maxBytes);
  return { bytes, pageCount: pdf.getPageCount() };
}
