import type { StreamFrame } from '../../schemas/sbi';

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');
const CONTENT_LENGTH = /content-length\s*:\s*(\d+)/i;

/** A preview frame is tens of KB; a frame, or unframed bytes, past this are a broken or hostile device. */
export const MJPEG_MAX_FRAME_BYTES = 8 * 1024 * 1024;
const STATUS_MAX_CHARS = 64 * 1024;

/** Thrown by {@link MjpegParser.push}; the client turns it into ERR_SBI_STREAM_FRAME_TOO_LARGE with the device's port. */
export class MjpegFrameTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`MJPEG frame over ${limitBytes} bytes`);
  }
}

/**
 * MJPEG preview parser for SBI STREAM bodies (sbi-protocol.md §4). Deliberately not a multipart
 * parser: MockMDS's boundary is off by two dashes, so frames are found by their `Content-Length`
 * header and checked for the JPEG SOI marker; without a length, frames are cut at SOI…EOI. A
 * second HTTP response after the frames (MockMDS's end-of-stream status) ends the stream and its
 * JSON is kept as `status`.
 */
export class MjpegParser {
  #buffer = Buffer.alloc(0);
  #index = 0;
  #isEnded = false;
  /** end-of-stream status JSON text, when the device sent one (its first 64 KiB) */
  status: string | undefined;

  constructor(readonly maxFrameBytes = MJPEG_MAX_FRAME_BYTES) {}

  /**
   * Feeds bytes; returns the frames completed by them.
   * @throws MjpegFrameTooLarge when a frame declares, or bytes without a frame reach, `maxFrameBytes`
   */
  push(chunk: Uint8Array): StreamFrame[] {
    if (this.#isEnded) {
      this.status = ((this.status ?? '') + Buffer.from(chunk).toString('latin1')).slice(0, STATUS_MAX_CHARS);
      return [];
    }
    this.#buffer = this.#buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buffer, chunk]);
    const frames: StreamFrame[] = [];
    for (;;) {
      const frame = this.#next();
      if (!frame) break;
      frames.push(frame);
    }
    if (this.#buffer.length > this.maxFrameBytes) throw new MjpegFrameTooLarge(this.maxFrameBytes);
    return frames;
  }

  #next(): StreamFrame | undefined {
    let skip = 0;
    while (this.#buffer[skip] === 0x0d || this.#buffer[skip] === 0x0a) skip++; // CRLFs after a frame
    const buffer = skip > 0 ? (this.#buffer = this.#buffer.subarray(skip)) : this.#buffer;
    const headEnd = buffer.indexOf(HEAD_END);
    const soi = buffer.indexOf(SOI);
    if (headEnd >= 0 && (soi < 0 || headEnd < soi)) {
      const head = buffer.subarray(0, headEnd).toString('latin1');
      if (/^\s*HTTP\/1\.[01] /m.test(head)) return this.#end(buffer.subarray(headEnd + 4));
      const length = CONTENT_LENGTH.exec(head);
      if (length) {
        const start = headEnd + 4;
        const n = Number(length[1]);
        if (n > this.maxFrameBytes) throw new MjpegFrameTooLarge(this.maxFrameBytes);
        if (buffer.length < start + n) return undefined;
        const jpeg = buffer.subarray(start, start + n);
        this.#buffer = buffer.subarray(start + n);
        if (jpeg[0] === 0xff && jpeg[1] === 0xd8) return { index: this.#index++, jpeg: new Uint8Array(jpeg) };
        return this.#next(); // length lied: drop it and resynchronise on the next header or SOI
      }
      if (soi < 0) {
        this.#buffer = buffer.subarray(headEnd + 4); // boundary text or unrelated headers
        return this.#next();
      }
    }
    if (soi < 0) return undefined;
    const eoi = buffer.indexOf(EOI, soi + 2);
    if (eoi < 0) return undefined;
    const jpeg = buffer.subarray(soi, eoi + 2);
    this.#buffer = buffer.subarray(eoi + 2);
    return { index: this.#index++, jpeg: new Uint8Array(jpeg) };
  }

  #end(rest: Buffer): undefined {
    this.#isEnded = true;
    this.status = rest.toString('latin1').slice(0, STATUS_MAX_CHARS);
    this.#buffer = Buffer.alloc(0);
    return undefined;
  }
}
