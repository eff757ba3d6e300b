import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { isAppError } from '../../../../../schemas/errors';
import { documentToPdf } from '../../../../../electron/services/registration/documentToPdf';
import { imageDimensions } from '../../../../../electron/services/registration/imageDimensions';

const opts = { documentName: 'Atestado médico', maxBytes: 2_000_000 };

/** A PNG that declares width × height grey pixels, with one compressed row repeated: small on disk, huge decoded. */
function pngBomb(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(0, 8 + data.length); // CRC: never reached, the header is refused first
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 64)); // the first 64 rows; the rest would follow
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

/** A real small JPEG whose SOF claims another size. */
function jpegClaiming(width: number, height: number): Uint8Array {
  const bytes = Buffer.from(jpeg.encode({ width: 16, height: 16, data: new Uint8Array(16 * 16 * 4).fill(200) }, 80).data);
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  bytes.writeUInt16BE(height, sof + 5);
  bytes.writeUInt16BE(width, sof + 7);
  return bytes;
}

describe('document images are sized from their header before decoding (issue 12, item 4)', () => {
  it('reads the size a PNG and a JPEG declare', () => {
    const png = new PNG({ width: 30, height: 20 });
    assert.deepEqual(imageDimensions(PNG.sync.write(png), 'png'), { width: 30, height: 20 });
    assert.deepEqual(imageDimensions(jpeg.encode({ width: 40, height: 10, data: new Uint8Array(1600).fill(9) }, 80).data, 'jpg'), { width: 40, height: 10 });
    assert.equal(imageDimensions(Buffer.from([0xff, 0xd8, 0x00]), 'jpg'), undefined);
  });

  it('refuses a small PNG declaring 20000 × 20000 pixels, naming the document and its size', async () => {
    const bomb = pngBomb(20_000, 20_000);
    assert.ok(bomb.length < 100_000);
    await assert.rejects(documentToPdf([{ name: 'scan.png', bytes: bomb }], opts), (err: unknown) =>
      isAppError(err) && err.code === 'ERR_REG_DOCUMENT_TOO_MANY_PIXELS' && JSON.stringify(err.details) === JSON.stringify({ name: 'scan.png', width: 20_000, height: 20_000, limitMegapixels: 60 }));
  });

  it('refuses a JPEG whose frame header claims 65535 × 65535', async () => {
    await assert.rejects(documentToPdf([{ name: 'photo.jpg', bytes: jpegClaiming(65_535, 65_535) }], opts), (err: unknown) => isAppError(err) && err.code === 'ERR_REG_DOCUMENT_TOO_MANY_PIXELS');
  });

  it('still takes a page within the limit', async () => {
    const png = new PNG({ width: 200, height: 280 });
    png.data = Buffer.alloc(200 * 280 * 4, 255);
    const pdf = await documentToPdf([{ name: 'page.png', bytes: PNG.sync.write(png) }], opts);
    assert.equal(pdf.pageCount, 1);
  });
});
