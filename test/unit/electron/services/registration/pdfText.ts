import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { AckReceipt } from '../../../../../schemas/ackReceipt';

/** WinAnsi differs from Latin-1 in 0x80–0x9F; the characters our receipts can contain there. */
const WIN_ANSI_HIGH: Readonly<Record<number, string>> = { 0x80: '€', 0x8c: 'Œ', 0x9c: 'œ', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x85: '…' };

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');
}

/**
 * The text drawn with pdf-lib's standard fonts, page content in order: inflates each content
 * stream and decodes the WinAnsi hex strings of its `Tj` operators. Enough for our own receipts,
 * and independent of poppler (pdftotext is not installed on every machine).
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents ? ('asArray' in contents ? contents.asArray() : [contents]) : [];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const filter = stream.dict.get(PDFName.of('Filter'));
      const data = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : Buffer.from(stream.contents);
      for (const m of data.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out.push(decodeWinAnsi(Buffer.from(m[1]!, 'hex')));
    }
  }
  return out.join('\n');
}

/** Every line the receipt's PDF prints for its composed content, top to bottom (nothing wraps in our fixtures). */
export function receiptLines(r: AckReceipt): string[] {
  return [
    r.title, `${r.rid.label}: ${r.rid.value}`, ...r.details.map((d) => `${d.label}: ${d.value}`),
    ...r.sections.flatMap((s) => [s.heading, ...(s.lines.length ? s.lines.map((l) => `${l.label}: ${l.value}`) : [s.none])]),
    r.keep,
  ];
}
