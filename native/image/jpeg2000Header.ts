/**
 * JPEG 2000 container and main-header reading (ISO/IEC 15444-1 Annex A and I), without decoding:
 * enough to recognise an image by its magic bytes and to bound its size before any decoder sees it.
 */

/** JP2 signature box: length 12, type `jP  `, content 0D0A870A. */
export const JP2_SIGNATURE = Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]);
/** A bare codestream starts with SOC (FF4F) then SIZ (FF51). */
export const J2K_SOC_SIZ = Buffer.from([0xff, 0x4f, 0xff, 0x51]);

const MAX_BOXES = 64;
const MAX_MARKERS = 256;

/** What the image's first bytes say it is, for the error a refused record gets. */
export function sniffImageKind(bytes: Buffer): 'JP2' | 'J2K' | 'PNG' | 'JPEG' | 'WSQ' | 'unknown' {
  if (bytes.subarray(0, 12).equals(JP2_SIGNATURE)) return 'JP2';
  if (bytes.subarray(0, 4).equals(J2K_SOC_SIZ)) return 'J2K';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'PNG';
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'JPEG';
  // WSQ: SOI FFA0 (ANSI/NIST WSQ spec), the other format MOSIP allows (for auth only)
  if (bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xa0]))) return 'WSQ';
  return 'unknown';
}

/**
 * The codestream of a JP2 file (its `jp2c` box) or of a bare J2K codestream; undefined when the
 * bytes are neither or a box runs past the end. Walks at most MAX_BOXES top-level boxes.
 */
export function codestreamOf(bytes: Buffer): Buffer | undefined {
  if (bytes.subarray(0, 4).equals(J2K_SOC_SIZ)) return bytes;
  if (!bytes.subarray(0, 12).equals(JP2_SIGNATURE)) return undefined;
  let at = 0;
  for (let n = 0; n < MAX_BOXES && at + 8 <= bytes.length; n++) {
    let length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    let header = 8;
    if (length === 1) {
      // XLBox: a 64-bit length follows; anything past 2^53 is not an image we take
      if (at + 16 > bytes.length) return undefined;
      length = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (length === 0) {
      length = bytes.length - at; // the last box runs to the end of the file
    }
    if (length < header || at + length > bytes.length) return undefined;
    if (type === 'jp2c') {
      const codestream = bytes.subarray(at + header, at + length);
      return codestream.subarray(0, 4).equals(J2K_SOC_SIZ) ? codestream : undefined;
    }
    at += length;
  }
  return undefined;
}

/** Main-header facts of a codestream: image size (SIZ) and whether its wavelet is reversible (COD). */
export interface J2kHeader {
  readonly width: number;
  readonly height: number;
  readonly components: number;
  /** 5-3 reversible wavelet: the only lossless JPEG 2000 (15444-1 Table A.20) */
  readonly reversible: boolean;
}

/** Reads SIZ and COD from a codestream's main header; undefined when they are missing or truncated. */
export function readJ2kHeader(codestream: Buffer): J2kHeader | undefined {
  if (codestream.length < 42 || !codestream.subarray(0, 4).equals(J2K_SOC_SIZ)) return undefined;
  // SIZ: Lsiz(2) Rsiz(2) Xsiz Ysiz XOsiz YOsiz (4 each) … Csiz(2) at offset 40
  const width = codestream.readUInt32BE(8) - codestream.readUInt32BE(16);
  const height = codestream.readUInt32BE(12) - codestream.readUInt32BE(20);
  const components = codestream.readUInt16BE(40);
  let at = 4 + codestream.readUInt16BE(4);
  for (let n = 0; n < MAX_MARKERS && at + 4 <= codestream.length; n++) {
    const marker = codestream.readUInt16BE(at);
    // SOT (FF90) ends the main header; COD is mandatory before it
    if (marker === 0xff90 || marker === 0xff93 || (marker & 0xff00) !== 0xff00) return undefined;
    const length = codestream.readUInt16BE(at + 2);
    if (length < 2) return undefined;
    if (marker === 0xff52) {
      // COD: Scod, SGcod (progression 1, layers 2, MCT 1), SPcod (levels, xcb, ycb, style, transformation)
      if (at + 14 > codestream.length || length < 12) return undefined;
      return { width, height, components, reversible: codestream.readUInt8(at + 13) === 1 };
    }
    at += 2 + length;
  }
  return undefined;
}
