import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { StandardFonts, type PDFDocument } from 'pdf-lib';
import type { RtlFonts } from './RtlPageWriter';
import { woffToSfnt } from './woffToSfnt';

/**
 * Resolves from this module in development and tests (ESM, import.meta.url) and from the bundle's
 * own file in the built app and CLI (CommonJS, __filename), so the font is found in node_modules.
 */
function fontPath(weight: 400 | 700): string {
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  return createRequire(from).resolve(`@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff`);
}

const cache = new Map<number, Uint8Array>();
/** Noto Naskh Arabic as TrueType, read and unwrapped once per process. */
export function naskh(weight: 400 | 700): Uint8Array {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = new Uint8Array(woffToSfnt(readFileSync(fontPath(weight))));
    cache.set(weight, bytes);
  }
  return bytes;
}

/**
 * Embeds Noto Naskh Arabic (regular and bold, subset to the glyphs drawn) beside Helvetica.
 * fontkit lays Arabic text out with the font's OpenType tables: the letters take their joined
 * forms (init/medi/fina), marks their places, and the glyphs run right to left.
 */
export async function embedRtlFonts(doc: PDFDocument): Promise<RtlFonts> {
  doc.registerFontkit(fontkit);
  const arabic = async (weight: 400 | 700) => ({ pdf: await doc.embedFont(naskh(weight), { subset: true }), shaper: fontkit.create(naskh(weight)) });
  return {
    latin: await doc.embedFont(StandardFonts.Helvetica),
    latinBold: await doc.embedFont(StandardFonts.HelveticaBold),
    arabic: await arabic(400),
    arabicBold: await arabic(700),
  };
}
