import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { AckReceipt, AckReceiptInput } from '../../../schemas/ackReceipt';
import { composeAckReceipt } from './composeAckReceipt';
import { printable } from './receipt/printable';
import { embedRtlFonts } from './receipt/receiptFonts';
import { RtlPageWriter } from './receipt/RtlPageWriter';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const PDF_LANG: Readonly<Record<string, string>> = { por: 'pt-ST', eng: 'en', fra: 'fr', ara: 'ar' };
/** Receipt languages written right to left, with the Arabic font. */
const RTL = new Set(['ara']);

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

  /** One paragraph, or `label: value`. */
  line(label: string, value?: string, opts: { size?: number; bold?: boolean; indent?: number } = {}): void {
    const text = value === undefined ? label : `${label}: ${value}`;
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

/**
 * Builds the acknowledgement receipt as PDF bytes from its input (see composeAckReceipt).
 * @throws AppError ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED for a language without receipt texts
 */
export async function buildAckReceipt(raw: AckReceiptInput): Promise<Uint8Array> {
  return ackReceiptPdf(await composeAckReceipt(raw));
}

/**
 * Draws the composed receipt on A4: the title, the RID with its QR code at the top right, the
 * details, then each section, every line as `label: value` in the receipt's language. An Arabic
 * receipt is mirrored: right-aligned lines, the QR code at the top left, Noto Naskh Arabic for the
 * Arabic words and Helvetica for the Latin and digit runs.
 */
export async function ackReceiptPdf(receipt: AckReceipt): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const created = new Date(receipt.createdAt);
  doc.setTitle(`${receipt.title} ${receipt.rid.value}`);
  doc.setSubject(receipt.rid.value);
  doc.setLanguage(PDF_LANG[receipt.language] ?? receipt.language);
  doc.setCreator('regclient');
  doc.setProducer('regclient');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const rtl = RTL.has(receipt.language);
  const w = rtl ? new RtlPageWriter(doc, await embedRtlFonts(doc))
    : new PageWriter(doc, { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) });

  // the same PNG the screen shows, decoded into a fresh array (pdf-lib reads `.buffer` from offset 0)
  const png = receipt.qr.pngDataUrl.slice(receipt.qr.pngDataUrl.indexOf(',') + 1);
  const qr = await doc.embedPng(new Uint8Array(Buffer.from(png, 'base64')));
  const qrSize = 110;
  w.currentPage.drawImage(qr, { x: rtl ? MARGIN : A4[0] - MARGIN - qrSize, y: A4[1] - MARGIN - qrSize, width: qrSize, height: qrSize });

  w.line(receipt.title, undefined, { size: 18, bold: true });
  w.gap();
  w.line(receipt.rid.label, receipt.rid.value, { size: 12, bold: true });
  for (const d of receipt.details) w.line(d.label, d.value);
  w.moveTo(Math.min(w.cursor, A4[1] - MARGIN - qrSize - 10));

  for (const section of receipt.sections) {
    w.gap(12);
    w.line(section.heading, undefined, { size: 13, bold: true });
    if (section.lines.length === 0) w.line(section.none, undefined, { indent: 10 });
    for (const l of section.lines) w.line(l.label, l.value, { indent: 10 });
  }
  w.gap(20);
  w.line(receipt.keep, undefined, { size: 10 });
  return doc.save();
}
