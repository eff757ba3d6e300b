import { z } from 'zod';
import { BioAttribute, LanguageCode, RegistrationProcess } from './registration';
import { LocalizedText } from './uiSpec';

/**
 * What the acknowledgement receipt shows (MOSIP's `reg-ack-template-part`): the application id
 * (RID) with its QR code, where and by whom the registration was taken, and a summary of what
 * was captured. Labels and values come already resolved per language (dropdown codes → names).
 */
export const AckReceiptInput = z.object({
  rid: z.string().regex(/^\d{29}$/, 'a RID has 29 digits'),
  /** the resident's chosen language for the receipt */
  language: LanguageCode,
  process: RegistrationProcess,
  /** ms since the epoch, from the injected clock */
  createdAt: z.number().int(),
  centre: z.object({ id: z.string(), name: z.string() }),
  machineId: z.string(),
  operatorId: z.string(),
  demographics: z.array(z.object({ label: LocalizedText, value: z.union([z.string(), LocalizedText]) })),
  /** documentType: the code; documentTypeName: its master-data names, printed in place of the code */
  documents: z.array(z.object({ label: LocalizedText, documentType: z.string(), documentTypeName: LocalizedText.optional() })),
  /** the registration's first data-entry language: a name missing in the receipt language is read in it */
  firstLanguage: LanguageCode.optional(),
  biometrics: z.object({ captured: z.array(BioAttribute), exceptions: z.array(BioAttribute) }),
});
export type AckReceiptInput = z.infer<typeof AckReceiptInput>;

/** One "label: value" line of the receipt, as printed. */
export const AckReceiptLine = z.object({ label: z.string(), value: z.string() });
export type AckReceiptLine = z.infer<typeof AckReceiptLine>;

/** A titled part of the receipt (personal details, documents, biometrics). */
export const AckReceiptSection = z.object({
  heading: z.string(),
  lines: z.array(AckReceiptLine),
  /** printed instead of the lines when there are none ("None") */
  none: z.string(),
});
export type AckReceiptSection = z.infer<typeof AckReceiptSection>;

/**
 * The receipt as it is printed, every text already in the receipt's language: the PDF is drawn
 * from it and the acknowledgement screen shows it, so the two never disagree.
 */
export const AckReceipt = z.object({
  /** the receipt's language (the resident's preferred language) */
  language: LanguageCode,
  /** ms since the epoch, as printed in `details` */
  createdAt: z.number().int(),
  title: z.string(),
  rid: AckReceiptLine,
  /** the RID's QR code: the PNG the PDF embeds, as a data: URL, with its text alternative */
  qr: z.object({ pngDataUrl: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data: URL'), alt: z.string() }),
  /** process, date, centre, machine, operator */
  details: z.array(AckReceiptLine),
  sections: z.array(AckReceiptSection),
  /** the closing advice to keep the receipt */
  keep: z.string(),
});
export type AckReceipt = z.infer<typeof AckReceipt>;
