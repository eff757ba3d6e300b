import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { isAppError } from '../../../../../schemas/errors';
import { documentToPdf } from '../../../../../electron/services/registration/documentToPdf';

const opts = { documentName: 'Atestado médico', maxBytes: 2_000_000 };

/** Deterministic grey noise over a gradient: a camera photo's texture, which JPEG cannot shrink much. */
function noisyRgb(width: number, height: number, seed = 1): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let i = 0; i < raw.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = ((s >>> 24) + Math.floor(((i / 3) % width) / width * 128)) & 0xff;
  }
  return raw;
}

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp(noisyRgb(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
}

/** The JPEG streams a PDF embeds. */
async function embeddedJpegs(bytes: Uint8Array): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context.enumerateIndirectObjects()
    .map(([, obj]) => obj)
    .filter((obj): obj is PDFRawStream => obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'))
    .map((s) => s.contents);
}

/** Mean of one RGB channel over a rectangle of a decoded RGBA image. */
function mean(img: { width: number; data: Uint8Array }, channel: number, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += img.data[(y * img.width + x) * 4 + channel]!;
  return sum / ((x1 - x0) * (y1 - y0));
}

const refusedWith = (code: string, details: Record<string, unknown>) => (err: unknown) => {
  assert.ok(isAppError(err), String(err));
  assert.equal(err.code, code);
  assert.deepEqual(err.details, details);
  return true;
};

describe('document pages are decoded, turned upright and re-encoded by libvips (issue 13)', () => {
  it('shrinks a large camera photo to the page bound and embeds a JPEG any decoder reads', async () => {
    const big = await photo(3000, 2000);
    const out = await documentToPdf([{ name: 'camera.jpg', bytes: big }], { ...opts, maxPixelSide: 2000 });
    const [embedded] = await embeddedJpegs(out.bytes);
    // jpeg-js as an oracle independent of libvips
    const decoded = jpeg.decode(embedded!, { useTArray: true });
    assert.deepEqual([decoded.width, decoded.height], [2000, 1333]);
    assert.ok(out.bytes.length < big.length, `${out.bytes.length} < ${big.length}`);
  });

  it('turns an EXIF-rotated photo upright and strips its metadata', async () => {
    // stored 200 × 100, red top half, blue bottom half; orientation 6 = "rotate 90° clockwise to view"
    const raw = Buffer.alloc(200 * 100 * 3);
    for (let i = 0; i < 200 * 100; i++) raw.set(i < 200 * 50 ? [220, 20, 20] : [20, 20, 220], i * 3);
    const rotated = await sharp(raw, { raw: { width: 200, height: 100, channels: 3 } }).jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 }).withExifMerge({ IFD0: { Make: 'PhoneMaker', Model: 'SerialXYZ' } }).toBuffer();
    assert.ok(rotated.includes('SerialXYZ'), 'the fixture carries EXIF');
    const out = await documentToPdf([{ name: 'rotated.jpg', bytes: rotated }], opts);
    const [embedded] = await embeddedJpegs(out.bytes);
    assert.equal(Buffer.from(embedded!).includes('Exif'), false, 'no EXIF in the stored page');
    assert.equal(Buffer.from(out.bytes).includes('SerialXYZ'), false);
    const img = jpeg.decode(embedded!, { useTArray: true });
    assert.deepEqual([img.width, img.height], [100, 200]);
    // viewed upright, the stored top (red) is on the right, the stored bottom (blue) on the left
    assert.ok(mean(img, 0, 60, 0, 100, 200) > 150 && mean(img, 2, 60, 0, 100, 200) < 80, 'right half red');
    assert.ok(mean(img, 2, 0, 0, 40, 200) > 150 && mean(img, 0, 0, 0, 40, 200) < 80, 'left half blue');
  });

  it('refuses a pixel bomb made by a real encoder with the existing code, before decoding', async () => {
    // 8000 × 8000 of one colour: 64 megapixels in a few hundred KB
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    await assert.rejects(documentToPdf([{ name: 'bomb.png', bytes: bomb }], opts),
      refusedWith('ERR_REG_DOCUMENT_TOO_MANY_PIXELS', { name: 'bomb.png', width: 8000, height: 8000, limitMegapixels: 60 }));
  });

  it('refuses a truncated JPEG and a truncated PNG by file name and format', async () => {
    const jpg = await photo(600, 400);
    await assert.rejects(documentToPdf([{ name: 'cut.jpg', bytes: jpg.subarray(0, jpg.length >> 1) }], opts),
      refusedWith('ERR_REG_DOCUMENT_IMAGE_TRUNCATED', { name: 'cut.jpg', format: 'jpg' }));
    const png = new PNG({ width: 300, height: 300 });
    png.data = Buffer.from(noisyRgb(300, 400).subarray(0, 300 * 300 * 4));
    const pngBytes = PNG.sync.write(png);
    await assert.rejects(documentToPdf([{ name: 'cut.png', bytes: pngBytes.subarray(0, pngBytes.length >> 1) }], opts),
      refusedWith('ERR_REG_DOCUMENT_IMAGE_TRUNCATED', { name: 'cut.png', format: 'png' }));
  });

  it('refuses a JPEG with damaged data instead of storing grey blocks, naming the file', async () => {
    const jpg = Buffer.from(await photo(600, 400));
    jpg.fill(0xff, 2000, 2100);
    await assert.rejects(documentToPdf([{ name: 'damaged.jpg', bytes: jpg }], opts), (err: unknown) => {
      assert.ok(isAppError(err) && err.is('ERR_REG_DOCUMENT_IMAGE_CORRUPT'), String(err));
      assert.equal(err.details.name, 'damaged.jpg');
      assert.equal(err.details.format, 'jpg');
      assert.match(err.details.reason, /corrupt/i);
      return true;
    });
  });

  it('takes several pages at once through the bounded queue, one libvips pipeline at a time, in order', async () => {
    const pages = await Promise.all([1200, 1300, 1400].map((w) => photo(w, 900)));
    let done = false;
    let most = 0;
    // sharp's own count of images in processing, read on every turn of the event loop until the three are done
    const watch = (async () => {
      while (!done) {
        most = Math.max(most, sharp.counters().process);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const outs = await Promise.all(pages.map((bytes, i) => documentToPdf([{ name: `p${i}.jpg`, bytes }], opts)));
    done = true;
    await watch;
    assert.equal(most, 1, 'at most one pipeline at a time');
    const widths = await Promise.all(outs.map(async (o) => jpeg.decode((await embeddedJpegs(o.bytes))[0]!, { useTArray: true }).width));
    assert.deepEqual(widths, [1200, 1300, 1400]);
  });
});
