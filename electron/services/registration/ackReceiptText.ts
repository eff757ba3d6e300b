import { z } from 'zod';
import { BIO_ATTRIBUTE_NAMES } from '../../../schemas/data/bioAttributeNames';
import type { BioAttribute } from '../../../schemas/registration';
import receiptJson from './receiptText.json';

/** The receipt languages: Latin ones print with the built-in Helvetica (WinAnsi), Arabic with Noto Naskh Arabic. */
export const RECEIPT_LANGUAGES = ['por', 'eng', 'fra', 'ara'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

const TEXT_KEYS = ['title', 'rid', 'process', 'date', 'centre', 'machine', 'operator', 'demographics', 'documents', 'biometrics', 'captured', 'exceptions', 'none', 'keep', 'qrAlt', 'separator'] as const;
/** One language's fixed receipt wording; `separator` joins the names of a list (Arabic has its own comma). */
const Texts = z.object(Object.fromEntries(TEXT_KEYS.map((k) => [k, z.string().min(1)])) as Record<(typeof TEXT_KEYS)[number], z.ZodString>).strict();
const PerLanguage = <T extends z.ZodType>(schema: T) => z.object({ por: schema, eng: schema, fra: schema, ara: schema }).strict();

/** The wording is data, kept in receiptText.json (one entry per language, as the locales), checked here at load. */
const RECEIPT = z.object({ text: PerLanguage(Texts), processNames: PerLanguage(z.record(z.string(), z.string().min(1))) }).strict().parse(receiptJson);

/** Fixed receipt wording per language (Portuguese as used in São Tomé e Príncipe). */
export const RECEIPT_TEXT: Readonly<Record<ReceiptLanguage, z.infer<typeof Texts>>> = RECEIPT.text;

/** "Polegar esquerdo", "Left thumb", "Pouce gauche", …: the names the screen shows (one source, in schemas/). */
export function bioAttributeName(attribute: BioAttribute, language: ReceiptLanguage): string {
  return BIO_ATTRIBUTE_NAMES[language][attribute];
}

/** The process (NEW, UPDATE, LOST, BIOMETRIC_CORRECTION, CRVS_NEW, CRVS_DEATH) as the resident reads it. */
export const PROCESS_NAMES: Readonly<Record<ReceiptLanguage, Readonly<Record<string, string>>>> = RECEIPT.processNames;
