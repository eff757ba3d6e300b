/**
 * Splits a byte stream into text lines on CR, LF or CRLF, as barcode/QR scanners in serial (CDC-ACM)
 * mode and NMEA GPS receivers send them (sbi-protocol.md §8). Empty lines are dropped; a line longer
 * than `maxLineLength` is discarded whole (a stuck scanner must not grow memory without bound).
 */
export class LineSplitter {
  #partial = '';
  #isOverflowing = false;
  readonly #maxLineLength: number;

  constructor(maxLineLength = 4096) {
    if (!Number.isInteger(maxLineLength) || maxLineLength < 1) throw new TypeError(`LineSplitter: maxLineLength must be a positive integer, got ${maxLineLength}`);
    this.#maxLineLength = maxLineLength;
  }

  /** Feeds bytes (decoded as latin1, so no byte is lost) and returns the completed lines. */
  push(chunk: Uint8Array): string[] {
    const text = this.#partial + Buffer.from(chunk).toString('latin1');
    const pieces = text.split(/\r\n|\r|\n/);
    this.#partial = pieces.pop() ?? '';
    const lines: string[] = [];
    for (const piece of pieces) {
      if (this.#isOverflowing) {
        this.#isOverflowing = false; // the tail of an over-long line ends here
        continue;
      }
      if (piece.length > 0 && piece.length <= this.#maxLineLength) lines.push(piece);
    }
    if (this.#partial.length > this.#maxLineLength) {
      this.#partial = '';
      this.#isOverflowing = true;
    }
    return lines;
  }
}
