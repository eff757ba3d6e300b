import type { PDFFont } from 'pdf-lib';

/** Replaces characters the font cannot encode, so a stray symbol never aborts the receipt. */
export function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((c) => (supported.has(c.codePointAt(0)!) ? c : '?')).join('');
}
