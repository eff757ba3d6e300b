import type { Font } from '@pdf-lib/fontkit';
import {
  PDFHexString, PDFName, PDFOperator, PDFOperatorNames, beginText, endText, setFillingRgbColor, setFontAndSize, setTextMatrix, showText,
  type PDFFont, type PDFPage,
} from 'pdf-lib';

/** An embedded font with the fontkit font it was made from: pdf-lib encodes, fontkit positions. */
/**
 * The /ActualText of an Arabic span, in visual (left-to-right) order: poppler (pdftotext, and the
 * Linux viewers built on it) spreads a span's ActualText over its width left to right and then
 * applies its own right-to-left reordering, so logical order would read back reversed. A reader
 * that takes ActualText as logical text would see each Arabic span reversed instead.
 */
const ACTUAL = (t: string) => [...t].reverse().join('');

export interface ShapedFont {
  readonly pdf: PDFFont;
  readonly shaper: Font;
}

/** Width of shaped text: the sum of the advances after OpenType positioning (marks advance 0). */
export function shapedWidth(font: ShapedFont, text: string, size: number): number {
  const scale = size / font.shaper.unitsPerEm;
  return font.shaper.layout(text).positions.reduce((sum, p) => sum + p.xAdvance * scale, 0);
}

/**
 * Draws shaped text glyph by glyph. pdf-lib's drawText places each glyph by its plain advance and
 * drops the GPOS offsets, so Naskh's dots and marks would stand beside their letters; here every
 * glyph sits where fontkit's layout puts it. The glyph ids come from pdf-lib's own encoding of the
 * same text (so its subset and ToUnicode include them), and the span carries the logical text as
 * /ActualText: one Naskh glyph serves several letters (dotless forms), so glyph-to-Unicode maps
 * alone would read back the wrong letters.
 */
export function drawShaped(page: PDFPage, font: ShapedFont, text: string, x: number, y: number, size: number): void {
  const cids = font.pdf.encodeText(text).asString().match(/.{4}/g) ?? [];
  const { positions } = font.shaper.layout(text);
  const scale = size / font.shaper.unitsPerEm;
  const key = page.node.newFontDictionary(font.pdf.name, font.pdf.ref);
  const span = `<< /ActualText ${PDFHexString.fromText(ACTUAL(text)).toString()} >>`;
  const ops: PDFOperator[] = [PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), span]), beginText(), setFillingRgbColor(0, 0, 0), setFontAndSize(key, size)];
  let pen = x;
  cids.forEach((cid, i) => {
    const p = positions[i]!;
    ops.push(setTextMatrix(1, 0, 0, 1, pen + p.xOffset * scale, y + p.yOffset * scale), showText(PDFHexString.of(cid)));
    pen += p.xAdvance * scale;
  });
  ops.push(endText(), PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  page.pushOperators(...ops);
}
