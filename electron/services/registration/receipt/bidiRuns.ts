/**
 * One line of a right-to-left paragraph cut into the pieces a PDF draws left to right.
 *
 * A deliberately small subset of the Unicode bidirectional algorithm (UAX #9) for the receipt's
 * own lines, until the kept `bidi-js` is installed (asked of the lead, issue 13): a right-to-left
 * paragraph without explicit embeddings or isolates; rules W1 (marks), W4 (a separator between
 * digits), W5 (currency/percent next to digits), W7 (digits after Latin), N1/N2 (neutrals), I2
 * and L2 with levels 1 and 2 only. Bracket pairs (N0) are not resolved. It keeps RIDs, dates and
 * Latin names inside Arabic lines in their left-to-right order.
 */

type BidiClass = 'R' | 'L' | 'EN' | 'SEP' | 'ET' | 'N';

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

const ARABIC = /\p{Script_Extensions=Arabic}/u;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/u;
const MARK = /\p{M}/u;
const MIRRORED: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

function classOf(c: string): BidiClass {
  if (DIGIT.test(c)) return 'EN';
  if (/\p{L}/u.test(c)) return ARABIC.test(c) ? 'R' : 'L';
  if (/[.,:/+\-\u00a0]/u.test(c)) return 'SEP';
  if (/[#%°\p{Sc}]/u.test(c)) return 'ET';
  return 'N';
}

/** W1, W4, W5, W7: marks, number separators and terminators, digits after Latin. */
function resolveWeak(chars: readonly string[]): BidiClass[] {
  const types = chars.map(classOf);
  for (let i = 1; i < types.length; i++) if (MARK.test(chars[i]!)) types[i] = types[i - 1]!;
  for (let i = 1; i + 1 < types.length; i++) if (types[i] === 'SEP' && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'ET') continue;
    let j = i;
    while (j < types.length && types[j] === 'ET') j++;
    if (types[i - 1] === 'EN' || types[j] === 'EN') types.fill('EN', i, j);
    i = j - 1;
  }
  let strong: 'L' | 'R' = 'R';
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    if (t === 'L' || t === 'R') strong = t;
    else if (t === 'EN' && strong === 'L') types[i] = 'L';
  }
  return types.map((t) => (t === 'SEP' || t === 'ET' ? 'N' : t));
}

/** N1/N2 then I2: neutrals between two Latin strongs go with them, all others with the paragraph (R); L and digits go to level 2. */
function levels(types: readonly BidiClass[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'N') { out.push(types[i] === 'R' ? 1 : 2); continue; }
    let j = i;
    while (j < types.length && types[j] === 'N') j++;
    const level = i > 0 && j < types.length && types[i - 1] === 'L' && types[j] === 'L' ? 2 : 1;
    for (let k = i; k < j; k++) out.push(level);
    i = j - 1;
  }
  return out;
}

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
 * The pieces of one right-to-left line, left to right as drawn. With two levels, L2 reverses the
 * order of all runs, keeps level-2 (left-to-right) runs as they are and reverses level-1 runs:
 * the Arabic font's shaping does that for Arabic pieces; other right-to-left pieces (spaces,
 * punctuation) come back reversed here, brackets mirrored.
 */
export function visualPieces(line: string): VisualPiece[] {
  const chars = [...line];
  const lv = levels(resolveWeak(chars));
  const font = arabicFont(chars);
  const pieces: { text: string; arabic: boolean; rtl: boolean }[] = [];
  for (let i = 0; i < chars.length; i++) {
    const rtl = lv[i] === 1;
    const last = pieces.at(-1);
    if (last && last.rtl === rtl && last.arabic === font[i]) last.text += chars[i];
    else pieces.push({ text: chars[i]!, arabic: font[i]!, rtl });
  }
  return pieces.reverse().map((p) => ({ arabic: p.arabic, text: p.rtl && !p.arabic ? [...p.text].reverse().map((c) => MIRRORED[c] ?? c).join('') : p.text }));
}
