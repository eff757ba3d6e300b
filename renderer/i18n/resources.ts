import { BIO_ATTRIBUTE_NAMES } from '../../schemas/data/bioAttributeNames';
import { ERROR_TEXT, errorWordsNamespace } from '../../schemas/data/errorText';
import type { LanguageCode } from '../../schemas/operators';
import araCommon from './locales/ara/common.json';
import engCommon from './locales/eng/common.json';
import fraCommon from './locales/fra/common.json';
import porCommon from './locales/por/common.json';

/**
 * A language's `common` strings with the finger, eye and face names (`registration.attribute.*`)
 * taken from schemas/, where the receipt reads them too (one name per finger everywhere), and the
 * words that error texts share with the command line (`counts.*`, `fileKind.*`,
 * `session.roles.*`, schemas/data/errorText).
 */
function withSharedWords<T extends { registration: object; session: object }>(common: T, language: LanguageCode) {
  const words = errorWordsNamespace(language);
  return { ...common, ...words, session: { ...common.session, ...words.session }, registration: { ...common.registration, attribute: BIO_ATTRIBUTE_NAMES[language] } };
}

/** Every UI string, per MOSIP language code; `errors` is the shared error texts (schemas/data/errorText). */
export const RESOURCES = {
  eng: { common: withSharedWords(engCommon, 'eng'), errors: ERROR_TEXT.eng },
  por: { common: withSharedWords(porCommon, 'por'), errors: ERROR_TEXT.por },
  fra: { common: withSharedWords(fraCommon, 'fra'), errors: ERROR_TEXT.fra },
  ara: { common: withSharedWords(araCommon, 'ara'), errors: ERROR_TEXT.ara },
} as const satisfies Record<LanguageCode, { common: object; errors: object }>;

export const RTL_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['ara']);

/** BCP 47 tag for the document's lang attribute and number/date formatting. */
export const BCP47: Readonly<Record<LanguageCode, string>> = { eng: 'en', por: 'pt-ST', fra: 'fr', ara: 'ar' };

/**
 * Locale of date controls: day, month, year in every UI language, as São Tomé writes dates
 * (English would otherwise put the month first), with Latin digits, which operators type.
 */
export const DATE_LOCALE: Readonly<Record<LanguageCode, string>> = { eng: 'en-GB', por: 'pt-ST', fra: 'fr', ara: 'ar-u-nu-latn' };
