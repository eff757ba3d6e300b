import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { AckReceiptInput } from '../../../schemas/ackReceipt';
import { AppError } from '../../../schemas/errors';
import { PROCESS_NAMES, RECEIPT_LANGUAGES, RECEIPT_TEXT, bioAttributeName, type ReceiptLanguage } from './ackReceiptText';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const PDF_LANG: Readonly<Record<ReceiptLanguage, string>> = { por: 'pt-ST', eng: 'en', fra: 'fr' };

/** Writes lines top-down, starting a new page when one is full. */
class PageWriter {
  private page: PDFPage;
  private y: number;
  constructor(private readonly doc: PDFDocument, private readonly fonts: { regular: PDFFont; bold: PDFFont }) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  get currentPage(): PDFPage { return this.page; }
  get cursor(): number { return this.y; }
  moveTo(y: number): void { this.y = y; }

  line(text: string, opts: { size?: number; bold?: boolean; indent?: number } = {}): void {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    for (const part of this.wrap(printable(text, font), font, size, A4[0] - 2 * MARGIN - (opts.indent ?? 0))) {
      if (this.y - size < MARGIN) { this.page = this.doc.addPage(A4); this.y = A4[1] - MARGIN; }
      this.y -= size * 1.4;
      this.page.drawText(part, { x: MARGIN + (opts.indent ?? 0), y: this.y, size, font, color: rgb(0, 0, 0) });
    }
  }

  gap(points = 8): void { this.y -= points; }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(candidate, size) > width) { lines.push(current); current = word; } else current = candidate;
    }
    return lines.length === 0 && !current ? [''] : [...lines, current];
  }
}

/** Replaces characters the standard font cannot encode, so a stray symbol never aborts the receipt. */
function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((c) => (supported.has(c.codePointAt(0)!) ? c : '?')).join('');
}

function pick(value: string | Readonly<Record<string, string>>, language: ReceiptLanguage): string {
  if (typeof value === 'string') return value;
  return value[language] ?? value.eng ?? Object.values(value)[0] ?? '';
}

/** dd/MM/yyyy HH:mm in UTC (São Tomé's time zone all year). */
function formatDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

function isReceiptLanguage(language: string): language is ReceiptLanguage {
  return (RECEIPT_LANGUAGES as readonly string[]).includes(language);
}

/**
 * Builds the acknowledgement receipt as PDF bytes: RID and its QR code, centre, machine,
 * operator, date, and the summary of demographics, documents and biometrics in the resident's
 * language (por, eng or fra).
 * @throws AppError ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED for a language whose script needs a font we
 *   do not ship yet (Arabic): a receipt of empty boxes would be worse than a clear refusal.
 */
export async function buildAckReceipt(raw: AckReceiptInput): Promise<Uint8Array> {
  const input = AckReceiptInput.parse(raw);
  if (!isReceiptLanguage(input.language)) throw new AppError('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED', { language: input.language });
  const lang = input.language;
  const t = RECEIPT_TEXT[lang];
  const doc = await PDFDocument.create({ updateMetadata: false });
  const created = new Date(input.createdAt);
  doc.setTitle(`${t.title} ${input.rid}`);
  doc.setSubject(input.rid);
  doc.setLanguage(PDF_LANG[lang]);
  doc.setCreator('regclient');
  doc.setProducer('regclient');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const w = new PageWriter(doc, fonts);

  // copied: a small Buffer may sit in Node's shared pool, and pdf-lib reads `.buffer` from offset 0
  const qr = await doc.embedPng(new Uint8Array(await QRCode.toBuffer(input.rid, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 })));
  const qrSize = 110;
  w.currentPage.drawImage(qr, { x: A4[0] - MARGIN - qrSize, y: A4[1] - MARGIN - qrSize, width: qrSize, height: qrSize });

  w.line(t.title, { size: 18, bold: true });
  w.gap();
  w.line(`${t.rid}: ${input.rid}`, { size: 12, bold: true });
  w.line(`${t.process}: ${PROCESS_NAMES[lang][input.process] ?? input.process}`);
  w.line(`${t.date}: ${formatDate(input.createdAt)}`);
  w.line(`${t.centre}: ${input.centre.name} (${input.centre.id})`);
  w.line(`${t.machine}: ${input.machineId}`);
  w.line(`${t.operator}: ${input.operatorId}`);
  w.moveTo(Math.min(w.cursor, A4[1] - MARGIN - qrSize - 10));

  w.gap(12);
  w.line(t.demographics, { size: 13, bold: true });
  for (const d of input.demographics) w.line(`${pick(d.label, lang)}: ${pick(d.value, lang)}`, { indent: 10 });
  w.gap(12);
  w.line(t.documents, { size: 13, bold: true });
  if (input.documents.length === 0) w.line(t.none, { indent: 10 });
  for (const d of input.documents) w.line(`${pick(d.label, lang)}: ${d.documentType}`, { indent: 10 });
  w.gap(12);
  w.line(t.biometrics, { size: 13, bold: true });
  const names = (list: readonly Parameters<typeof bioAttributeName>[0][]) => (list.length ? list.map((a) => bioAttributeName(a, lang)).join(', ') : t.none);
  w.line(`${t.captured} (${input.biometrics.captured.length}): ${names(input.biometrics.captured)}`, { indent: 10 });
  w.line(`${t.exceptions} (${input.biometrics.exceptions.length}): ${names(input.biometrics.exceptions)}`, { indent: 10 });
  w.gap(20);
  w.line(t.keep, { size: 10 });
  return doc.save();
}
