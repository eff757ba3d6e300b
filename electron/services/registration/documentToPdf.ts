import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../schemas/errors';
import { imageToJpegPage, type JpegPage } from './imageToJpegPage';

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

const A4_LONG = 841.89;
const A4_SHORT = 595.28;

/** Detects the format from the first bytes; the file name is only used to name an unsupported one. */
function detectFormat(file: DocumentFile): Format {
  const b = file.bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase() ?? 'unknown';
  throw new AppError('ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT', { name: file.name, format: extension });
}

async function addImagePage(pdf: PDFDocument, image: JpegPage): Promise<void> {
  const embedded = await pdf.embedJpg(image.jpeg);
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
 * are decoded, turned upright, downscaled and re-encoded as JPEG by libvips (imageToJpegPage); a single PDF passes through unchanged after a format and
 * size check; PDFs among images have their pages copied in. MOSIP 1.2 does the same in
 * registration-client's DocScannerUtil.asPDF (registration-api, release-1.2.0.x): each page
 * re-encoded as JPEG (`mosip.registration.doc.jpg.compression`, default 0.7) and centred on its own
 * page; it neither shrinks the pixels nor applies EXIF orientation, and its pages are US Letter.
 * @throws AppError ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT (not JPEG/PNG/PDF, named by file),
 *   ERR_REG_DOCUMENT_UNREADABLE (damaged or encrypted), ERR_REG_DOCUMENT_TOO_MANY_PIXELS,
 *   ERR_REG_DOCUMENT_IMAGE_TRUNCATED, ERR_REG_DOCUMENT_IMAGE_CORRUPT, ERR_REG_DOCUMENT_TOO_LARGE (with both sizes).
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
    await addImagePage(pdf, await imageToJpegPage(file.name, file.bytes, format, { maxPixelSide: options.maxPixelSide ?? 2000, quality: options.jpegQuality ?? 75 }));
  }
  const bytes = await pdf.save();
  checkSize(options.documentName, bytes.length, options.maxBytes);
  return { bytes, pageCount: pdf.getPageCount() };
}
