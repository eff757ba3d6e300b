import QRCode from 'qrcode';
import { AckReceipt, AckReceiptInput } from '../../../schemas/ackReceipt';
import type { BioAttribute } from '../../../schemas/registration';
import { AppError } from '../../../schemas/errors';
import { documentTypeText } from '../../../schemas/rules/documentTypes';
import { PROCESS_NAMES, RECEIPT_LANGUAGES, RECEIPT_TEXT, bioAttributeName, type ReceiptLanguage } from './ackReceiptText';

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

export function isReceiptLanguage(language: string): language is ReceiptLanguage {
  return (RECEIPT_LANGUAGES as readonly string[]).includes(language);
}

/** The RID's QR code as PNG: error correction M, 4 px modules, a one-module margin. */
async function qrPng(rid: string): Promise<Buffer> {
  return QRCode.toBuffer(rid, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
}

/**
 * The acknowledgement receipt's content, every text resolved in the resident's language (por, eng,
 * fra or ara): RID and its QR code, process, date, centre, machine, operator, and the summary of
 * demographics, documents and biometrics. The PDF (ackReceipt.ts) is drawn from it and the
 * acknowledgement screen shows it as it is.
 * @throws AppError ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED for a language without receipt texts and
 *   font: a receipt of empty boxes would be worse than a clear refusal.
 */
export async function composeAckReceipt(raw: AckReceiptInput): Promise<AckReceipt> {
  const input = AckReceiptInput.parse(raw);
  if (!isReceiptLanguage(input.language)) throw new AppError('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED', { language: input.language });
  const lang = input.language;
  const t = RECEIPT_TEXT[lang];
  const names = (list: readonly BioAttribute[]) => (list.length ? list.map((a) => bioAttributeName(a, lang)).join(t.separator) : t.none);
  const { captured, exceptions } = input.biometrics;
  return AckReceipt.parse({
    language: lang,
    createdAt: input.createdAt,
    title: t.title,
    rid: { label: t.rid, value: input.rid },
    qr: { pngDataUrl: `data:image/png;base64,${(await qrPng(input.rid)).toString('base64')}`, alt: `${t.qrAlt} ${input.rid}` },
    details: [
      { label: t.process, value: PROCESS_NAMES[lang][input.process] ?? input.process },
      { label: t.date, value: formatDate(input.createdAt) },
      { label: t.centre, value: `${input.centre.name} (${input.centre.id})` },
      { label: t.machine, value: input.machineId },
      { label: t.operator, value: input.operatorId },
    ],
    sections: [
      { heading: t.demographics, lines: input.demographics.map((d) => ({ label: pick(d.label, lang), value: pick(d.value, lang) })), none: t.none },
      { heading: t.documents, lines: input.documents.map((d) => ({ label: pick(d.label, lang), value: documentTypeText(d.documentTypeName, d.documentType, [lang, input.firstLanguage]) })), none: t.none },
      {
        heading: t.biometrics,
        lines: [
          { label: `${t.captured} (${captured.length})`, value: names(captured) },
          { label: `${t.exceptions} (${exceptions.length})`, value: names(exceptions) },
        ],
        none: t.none,
      },
    ],
    keep: t.keep,
  });
}
