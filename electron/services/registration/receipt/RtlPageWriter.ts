import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { visualPieces, type VisualPiece } from './bidiRuns';
import { drawShaped, shapedWidth, type ShapedFont } from './drawShaped';
import { printable } from './printable';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** Helvetica for Latin letters and digits (Noto Naskh Arabic has none) and Noto Naskh Arabic, per weight. */
export interface RtlFonts {
  readonly latin: PDFFont;
  readonly latinBold: PDFFont;
  readonly arabic: ShapedFont;
  readonly arabicBold: ShapedFont;
}

export interface RtlLineOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly indent?: number;
}

/** A word of a line and whether it belongs to the label (an Arabic paragraph) or the value (isolated). */
interface Word { readonly text: string; readonly part: 'label' | 'value' }

/**
 * Writes a right-to-left receipt top-down, right-aligned, starting a new page when one is full.
 * A "label: value" line is two isolates, as the screen's <dt>/<dd> show it: the label with its
 * colon at the right, the value at its left. A value without Arabic letters (a RID, a date, a
 * Latin name) keeps its left-to-right order as one piece.
 */
export class RtlPageWriter {
  #page: PDFPage;
  #y: number;
  constructor(private readonly doc: PDFDocument, private readonly fonts: RtlFonts) {
    this.#page = doc.addPage(A4);
    this.#y = A4[1] - MARGIN;
  }

  get currentPage(): PDFPage { return this.#page; }
  get cursor(): number { return this.#y; }
  moveTo(y: number): void { this.#y = y; }
  gap(points = 8): void { this.#y -= points; }

  /** One paragraph, or `label: value`. */
  line(label: string, value?: string, opts: RtlLineOptions = {}): void {
    const size = opts.size ?? 11;
    const split = (text: string, part: Word['part']) => text.split(/\s+/).filter(Boolean).map((t) => ({ text: t, part }));
    const words = [...split(label, 'label'), ...(value === undefined ? [] : split(value, 'value'))];
    const pair = value !== undefined;
    for (const lineWords of this.#wrap(words, pair, size, opts)) this.#draw(this.#pieces(lineWords, pair), size, opts);
  }

  #pieces(words: readonly Word[], pair: boolean): VisualPiece[] {
    const label = words.filter((w) => w.part === 'label').map((w) => w.text).join(' ');
    const value = words.filter((w) => w.part === 'value').map((w) => w.text).join(' ');
    const labelPieces = label ? visualPieces(pair ? `${label}:` : label) : [];
    const valuePieces = !value ? [] : ARABIC_LETTER.test(value) ? visualPieces(value) : [{ text: value, arabic: false }];
    if (!labelPieces.length) return valuePieces;
    return valuePieces.length ? [...valuePieces, { text: ' ', arabic: false }, ...labelPieces] : labelPieces;
  }

  #width(piece: VisualPiece, size: number, bold: boolean | undefined): number {
    if (piece.arabic) return shapedWidth(bold ? this.fonts.arabicBold : this.fonts.arabic, piece.text, size);
    const font = bold ? this.fonts.latinBold : this.fonts.latin;
    return font.widthOfTextAtSize(printable(piece.text, font), size);
  }

  #lineWidth(pieces: readonly VisualPiece[], size: number, bold: boolean | undefined): number {
    return pieces.reduce((sum, p) => sum + this.#width(p, size, bold), 0);
  }

  #wrap(words: readonly Word[], pair: boolean, size: number, opts: RtlLineOptions): Word[][] {
    const width = A4[0] - 2 * MARGIN - (opts.indent ?? 0);
    const lines: Word[][] = [];
    let current: Word[] = [];
    for (const word of words) {
      const candidate = [...current, word];
      if (current.length && this.#lineWidth(this.#pieces(candidate, pair), size, opts.bold) > width) { lines.push(current); current = [word]; } else current = candidate;
    }
    return [...lines, current];
  }

  #draw(pieces: readonly VisualPiece[], size: number, opts: RtlLineOptions): void {
    if (this.#y - size < MARGIN) { this.#page = this.doc.addPage(A4); this.#y = A4[1] - MARGIN; }
    this.#y -= size * 1.6; // Naskh's marks above and below need more room than Latin lines
    let x = A4[0] - MARGIN - (opts.indent ?? 0) - this.#lineWidth(pieces, size, opts.bold);
    for (const piece of pieces) {
      if (piece.arabic) drawShaped(this.#page, opts.bold ? this.fonts.arabicBold : this.fonts.arabic, piece.text, x, this.#y, size);
      else {
        const font = opts.bold ? this.fonts.latinBold : this.fonts.latin;
        this.#page.drawText(printable(piece.text, font), { x, y: this.#y, size, font, color: rgb(0, 0, 0) });
      }
      x += this.#width(piece, size, opts.bold);
    }
  }
}
