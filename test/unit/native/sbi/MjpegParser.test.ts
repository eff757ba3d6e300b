import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MjpegFrameTooLarge, MjpegParser } from '../../../../native/sbi/MjpegParser';

const JPEG_A = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const JPEG_B = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 9, 8, 0xff, 0xd9]);

/** A part in MockMDS framing (sbi-protocol.md §4): boundary, headers, bytes, CRLFCRLF. */
function part(jpeg: Buffer, lengthHeader = `Content-Length:${jpeg.length}`): Buffer {
  return Buffer.concat([Buffer.from(`--BoundaryString\r\nAccess-Control-Allow-Origin:*\r\nContent-Type:image/jpeg\r\n${lengthHeader}\r\n\r\n`), jpeg, Buffer.from('\r\n\r\n')]);
}

function feedByteByByte(parser: MjpegParser, data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (const byte of data) for (const frame of parser.push(Buffer.from([byte]))) out.push(Buffer.from(frame.jpeg));
  return out;
}

describe('MjpegParser', () => {
  it('cuts frames by Content-Length even when delivered one byte at a time', () => {
    const frames = feedByteByByte(new MjpegParser(), Buffer.concat([part(JPEG_A), part(JPEG_B)]));
    assert.deepEqual(frames, [JPEG_A, JPEG_B]);
  });

  it('accepts a content-length header in any case and spacing', () => {
    const parser = new MjpegParser();
    assert.deepEqual(parser.push(part(JPEG_A, `content-length : ${JPEG_A.length}`)).map((f) => Buffer.from(f.jpeg)), [JPEG_A]);
  });

  it('falls back to SOI…EOI markers when a part has no length', () => {
    const parser = new MjpegParser();
    const frames = parser.push(Buffer.concat([Buffer.from('--BoundaryString\r\nContent-Type:image/jpeg\r\n\r\n'), JPEG_A, Buffer.from('\r\n'), JPEG_B]));
    assert.deepEqual(frames.map((f) => [f.index, Buffer.from(f.jpeg)]), [[0, JPEG_A], [1, JPEG_B]]);
  });

  it('drops a part whose length does not point at a JPEG and resynchronises', () => {
    const parser = new MjpegParser();
    const bogus = Buffer.concat([Buffer.from('--BoundaryString\r\nContent-Length:3\r\n\r\nabc\r\n\r\n')]);
    assert.deepEqual(parser.push(Buffer.concat([bogus, part(JPEG_B)])).map((f) => Buffer.from(f.jpeg)), [JPEG_B]);
  });

  it("keeps MockMDS's end-of-stream response as status", () => {
    const parser = new MjpegParser();
    const frames = parser.push(Buffer.concat([part(JPEG_A), Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"errorCode":"609","errorInfo":"Stream timeout"}')]));
    assert.equal(frames.length, 1);
    assert.equal(parser.status, '{"errorCode":"609","errorInfo":"Stream timeout"}');
  });

  it('refuses a frame declaring more than a frame may hold, before buffering it', () => {
    const parser = new MjpegParser(1024);
    assert.throws(() => parser.push(Buffer.from('--B\r\nContent-Type:image/jpeg\r\nContent-Length:1025\r\n\r\n\xff\xd8', 'latin1')), (err: unknown) => err instanceof MjpegFrameTooLarge && err.limitBytes === 1024);
    assert.equal(new MjpegParser(1024).push(part(Buffer.concat([JPEG_A.subarray(0, 3), Buffer.alloc(1000), JPEG_A.subarray(-2)]))).length, 1, 'a frame at the limit passes');
  });

  it('refuses bytes that never close a frame once they pass the limit', () => {
    const parser = new MjpegParser(1024);
    parser.push(Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(1000)])); // a SOI without EOI, unframed
    assert.throws(() => parser.push(Buffer.alloc(100)), MjpegFrameTooLarge);
  });

  it('keeps only the first 64 KiB of an end-of-stream status', () => {
    const parser = new MjpegParser();
    parser.push(Buffer.from('HTTP/1.1 200 OK\r\n\r\n{'));
    for (let i = 0; i < 100; i++) parser.push(Buffer.alloc(1024, 0x20));
    assert.equal(parser.status?.length, 64 * 1024);
  });
});
