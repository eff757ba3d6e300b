/**
 * A MOSIP template's `fileText` (HTML, possibly with Velocity `$placeholders`) as plain paragraphs.
 * The page never injects server HTML: blocks become paragraphs, every other tag is dropped, and
 * the common entities are decoded, so what React renders is text only.
 */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The paragraphs of a template, in order, without markup; empty for a blank template. */
export function templateParagraphs(fileText: string): string[] {
  const withBreaks = fileText
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr|ul|ol|table|section|article|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(withBreaks).split('\n').map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}
