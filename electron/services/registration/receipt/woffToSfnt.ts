import { inflateSync } from 'node:zlib';

interface Table { readonly tag: string; data: Buffer }

/** The OpenType table checksum: the sum of the table's big-endian uint32s, zero-padded. */
function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/**
 * Rewrites glyf/loca with every glyph padded to 4 bytes and long (32-bit) loca offsets. fontkit's
 * subsetter copies each glyph's bytes as they are and, when the subset is small, writes short
 * loca offsets (stored halved): an odd-length glyph then shifts every later one, and the PDF's
 * subset font loses its letters. Noto Naskh Arabic from fontsource has odd-length glyphs.
 */
function padGlyphs(tables: readonly Table[]): void {
  const get = (tag: string) => tables.find((t) => t.tag === tag);
  const [head, loca, glyf, maxp] = [get('head'), get('loca'), get('glyf'), get('maxp')];
  if (!head || !loca || !glyf || !maxp) return;
  const long = head.data.readInt16BE(50) === 1;
  const numGlyphs = maxp.data.readUInt16BE(4);
  const offset = (i: number) => (long ? loca.data.readUInt32BE(i * 4) : loca.data.readUInt16BE(i * 2) * 2);
  const glyphs = Array.from({ length: numGlyphs }, (_, i) => glyf.data.subarray(offset(i), offset(i + 1)));
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  const parts: Buffer[] = [];
  let at = 0;
  glyphs.forEach((g, i) => {
    newLoca.writeUInt32BE(at, i * 4);
    const pad = (4 - (g.length % 4)) % 4;
    parts.push(g, Buffer.alloc(pad));
    at += g.length + pad;
  });
  newLoca.writeUInt32BE(at, numGlyphs * 4);
  glyf.data = Buffer.concat(parts);
  loca.data = newLoca;
  head.data = Buffer.from(head.data);
  head.data.writeInt16BE(1, 50);
}

/**
 * Unwraps a WOFF 1.0 font into the TrueType file it compresses (W3C WOFF 1.0 §5–6: each table is
 * zlib-deflated unless that did not make it smaller), glyphs padded for fontkit's subsetter. The
 * fontsource package ships only WOFF/WOFF2, and a PDF embeds a plain TrueType program (FontFile2).
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const numTables = src.readUInt16BE(12);
  const tables: Table[] = Array.from({ length: numTables }, (_, i) => {
    const e = 44 + i * 20;
    const [offset, compLength, origLength] = [src.readUInt32BE(e + 4), src.readUInt32BE(e + 8), src.readUInt32BE(e + 12)];
    const stored = src.subarray(offset, offset + compLength);
    return { tag: src.toString('latin1', e, e + 4), data: compLength < origLength ? inflateSync(stored) : Buffer.from(stored) };
  });
  padGlyphs(tables);
  const head = 12 + 16 * numTables;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(head + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  out.writeUInt32BE(src.readUInt32BE(4), 0); // flavor: 0x00010000 (TrueType) or 'OTTO'
  const entrySelector = Math.floor(Math.log2(numTables));
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(16 * 2 ** entrySelector, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - 16 * 2 ** entrySelector, 10);
  let offset = head;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    out.write(t.tag, e, 'latin1');
    out.writeUInt32BE(checksum(t.data), e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}
