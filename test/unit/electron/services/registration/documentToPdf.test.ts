import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { AppError } from '../../../../../schemas/errors';
import { documentToPdf } from '../../../../../electron/services/registration/documentToPdf';

const LIMIT = 2_000_000;
const opts = { documentName: 'Proof of address', maxBytes: LIMIT };

/** Black 2-px strokes every 8 px on white: the thin lines of printed text. */
function strokes(width: number, height: number, alpha = 255): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = x % 8 < 2 ? 0 : 255;
      data.set([v, v, v, alpha], (y * width + x) * 4);
    }
  }
  return data;
}
function pngOf(width: number, height: number, alpha = 255): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(strokes(width, height, alpha));
  return PNG.sync.write(png);
}
function jpgOf(width: number, height: number): Uint8Array {
  return jpeg.encode({ width, height, data: strokes(width, height) }, 95).data;
}

/** The JPEG images embedded in a PDF, with their pixel size. */
async function embeddedJpegs(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8Array }[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context.enumerateIndirectObjects()
    .map(([, obj]) => obj)
    .filter((obj): obj is PDFRawStream => obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'))
    .map((s) => ({ width: (s.dict.get(PDFName.of('Width')) as PDFNumber).asNumber(), height: (s.dict.get(PDFName.of('Height')) as PDFNumber).asNumber(), data: s.contents }));
}

function expectError(code: string, details: Record<string, unknown>) {
  return (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, code);
    assert.deepEqual(err.details, details);
    return true;
  };
}

describe('documentToPdf', () => {
  it('puts a JPEG and a PNG page into one two-page PDF', async () => {
    const out = await documentToPdf([{ name: 'p1.jpg', bytes: jpgOf(400, 560) }, { name: 'p2.png', bytes: pngOf(560, 400) }], opts);
    const doc = await PDFDocument.load(out.bytes);
    assert.deepEqual([out.pageCount, doc.getPageCount()], [2, 2]);
    assert.deepEqual(doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]), [[595, 842], [842, 595]]);
  });

  it('downscales a large scan to the pixel bound, keeping the aspect ratio', async () => {
    const out = await documentToPdf([{ name: 'big.png', bytes: pngOf(3000, 1200) }], { ...opts, maxPixelSide: 1500 });
    assert.deepEqual((await embeddedJpegs(out.bytes)).map(({ width, height }) => [width, height]), [[1500, 600]]);
  });

  it('keeps thin strokes readable after re-encoding', async () => {
    const out = await documentToPdf([{ name: 'text.png', bytes: pngOf(400, 200) }], opts);
    const [img] = await embeddedJpegs(out.bytes);
    const decoded = jpeg.decode(img!.data, { useTArray: true });
    const original = strokes(400, 200);
    let error = 0;
    for (let i = 0; i < original.length; i += 4) error += Math.abs(decoded.data[i]! - original[i]!);
    const meanError = error / (original.length / 4);
    assert.ok(meanError < 12, `mean error ${meanError.toFixed(1)} of 255`);
  });

  it('flattens transparent PNG pixels onto white', async () => {
    const out = await documentToPdf([{ name: 'clear.png', bytes: pngOf(64, 64, 0) }], opts);
    const [img] = await embeddedJpegs(out.bytes);
    const decoded = jpeg.decode(img!.data, { useTArray: true });
    assert.ok(Math.min(...decoded.data.filter((_, i) => i % 4 === 0)) > 240);
  });

  it('passes a PDF through unchanged', async () => {
    const source = await PDFDocument.create();
    source.addPage([300, 300]);
    const bytes = await source.save();
    const out = await documentToPdf([{ name: 'id.pdf', bytes }], opts);
    assert.equal(out.bytes, bytes);
    assert.equal(out.pageCount, 1);
  });

  it('copies the pages of a PDF scanned together with images', async () => {
    const source = await PDFDocument.create();
    source.addPage([300, 300]);
    source.addPage([300, 300]);
    const out = await documentToPdf([{ name: 'a.pdf', bytes: await source.save() }, { name: 'b.jpg', bytes: jpgOf(100, 100) }], opts);
    assert.equal(out.pageCount, 3);
  });

  it('rejects a document above the limit with both sizes', async () => {
    const files = [{ name: 'p.png', bytes: pngOf(800, 800) }];
    const size = (await documentToPdf(files, opts)).bytes.length;
    await assert.rejects(documentToPdf(files, { ...opts, maxBytes: 10_000 }),
      expectError('ERR_REG_DOCUMENT_TOO_LARGE', { name: 'Proof of address', sizeBytes: size, limitBytes: 10_000, sizeKb: Math.ceil(size / 1024), limitKb: 9 }));
  });

  it('rejects a PDF above the limit before passing it through', async () => {
    const source = await PDFDocument.create();
    source.addPage();
    const bytes = await source.save();
    await assert.rejects(documentToPdf([{ name: 'id.pdf', bytes }], { ...opts, maxBytes: 100 }),
      expectError('ERR_REG_DOCUMENT_TOO_LARGE', { name: 'Proof of address', sizeBytes: bytes.length, limitBytes: 100, sizeKb: Math.ceil(bytes.length / 1024), limitKb: 0 }));
  });

  it('rejects unsupported formats by file name, whatever the extension claims', async () => {
    await assert.rejects(documentToPdf([{ name: 'scan.gif', bytes: Buffer.from('GIF89a....') }], opts), expectError('ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT', { name: 'scan.gif', format: 'gif' }));
    await assert.rejects(documentToPdf([{ name: 'fake.jpg', bytes: Buffer.from('II*\u0000tiff') }], opts), expectError('ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT', { name: 'fake.jpg', format: 'jpg' }));
    await assert.rejects(documentToPdf([{ name: 'noext', bytes: Buffer.from('hello') }], opts), expectError('ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT', { name: 'noext', format: 'unknown' }));
  });

  it('reports a damaged image or PDF as unreadable, naming the file', async () => {
    await assert.rejects(documentToPdf([{ name: 'broken.jpg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]) }], opts),
      (err: unknown) => err instanceof AppError && err.is('ERR_REG_DOCUMENT_UNREADABLE') && err.details.name === 'broken.jpg');
    await assert.rejects(documentToPdf([{ name: 'broken.pdf', bytes: Buffer.from('%PDF-1.7 garbage') }], opts),
      (err: unknown) => err instanceof AppError && err.is('ERR_REG_DOCUMENT_UNREADABLE') && err.details.name === 'broken.pdf');
  });

  it('rejects an empty page list', async () => {
    await assert.rejects(documentToPdf([], opts), expectError('ERR_REG_DOCUMENT_UNREADABLE', { name: 'Proof of address', reason: 'no pages' }));
  });
});
