/**
 * Width and height from a PNG's IHDR or a JPEG's SOF header, read before anything is decoded: a
 * 547 KiB PNG can declare a size whose pixels take seconds and gigabytes to inflate (issue 12).
 * Undefined when the header is not where the format puts it.
 */
export function imageDimensions(bytes: Uint8Array, format: 'png' | 'jpg'): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') {
    // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)
    if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  let o = 2; // after SOI
  while (o + 9 <= b.length) {
    if (b[o] !== 0xff) return undefined;
    const marker = b[o + 1]!;
    if (marker === 0xff) { o++; continue; } // fill byte
    const length = b.readUInt16BE(o + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC): precision (1), height (2), width (2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: b.readUInt16BE(o + 7), height: b.readUInt16BE(o + 5) };
    }
    if (length < 2) return undefined;
    o += 2 + length;
  }
  return undefined;
}
