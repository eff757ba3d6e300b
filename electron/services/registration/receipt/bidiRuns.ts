/// <reference path="../../../../types/bidiJs.d.ts" />
import bidiFactory from 'bidi-js';

/**
 * One line of a right-to-left paragraph cut into the pieces a PDF draws left to right, by the
 * Unicode bidirectional algorithm (UAX #9, bidi-js): RIDs, dates and Latin names inside Arabic
 * lines keep their left-to-right order, brackets are mirrored.
 */

/**
 * One piece of a line, in visual order. `text` is in drawing order, except for Arabic pieces: they
 * stay in logical order because the Arabic font's shaping (fontkit) joins the letters and then
 * lays the glyphs out right to left itself.
 */
export interface VisualPiece {
  readonly text: string;
  /** draw with the Arabic font rather than the Latin one */
  readonly arabic: boolean;
}

const bidi = bidiFactory();
const ARABIC = /\p{Script_Extensions=Arabic}/u;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/u;

/** Arabic letters and marks, and the spaces between two of them, go to the Arabic font. */
function arabicFont(chars: readonly string[]): boolean[] {
  const isArabic = chars.map((c) => ARABIC.test(c) && !DIGIT.test(c));
  const space = (k: number) => /\s/u.test(chars[k]!);
  return chars.map((_, i) => {
    if (isArabic[i] || !space(i)) return isArabic[i]!;
    let before = i - 1;
    while (before >= 0 && space(before)) before--;
    let after = i + 1;
    while (after < chars.length && space(after)) after++;
    return before >= 0 && after < chars.length && isArabic[before]! && isArabic[after]!;
  });
}

/**
 * The pieces of one right-to-left line, left to right as drawn. bidi-js gives the visual order of
 * the characters; a run for the Arabic font is put back in logical order, because the font's
 * shaping (fontkit) joins its letters and lays them out right to left itself.
 */
export function visualPieces(line: string): VisualPiece[] {
  const chars = line.split('');
  const embedding = bidi.getEmbeddingLevels(line, 'rtl');
  const rtl = (i: number) => (embedding.levels[i]! & 1) === 1;
  const font = arabicFont(chars);
  const pieces: { indices: number[]; arabic: boolean; rtl: boolean }[] = [];
  for (const i of bidi.getReorderedIndices(line, embedding)) {
    const last = pieces.at(-1);
    if (last && last.arabic === font[i] && last.rtl === rtl(i)) last.indices.push(i);
    else pieces.push({ indices: [i], arabic: font[i]!, rtl: rtl(i) });
  }
  // a character drawn right to left shows its mirror image: "(" at an odd level is drawn as ")"
  const glyph = (i: number) => (rtl(i) ? (bidi.getMirroredCharacter(chars[i]!) ?? chars[i]!) : chars[i]!);
  return pieces.map((p) => ({ arabic: p.arabic, text: (p.arabic ? [...p.indices].reverse() : p.indices).map(glyph).join('') }));
}
