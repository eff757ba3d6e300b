import i18next, { type i18n } from 'i18next';
import type { LanguageCode } from '../../schemas/operators';
import { BCP47, RESOURCES, RTL_LANGUAGES } from './resources';

/** Portuguese first: São Tomé and Príncipe's working language. */
export const DEFAULT_LANGUAGE: LanguageCode = 'por';

export async function createI18n(language: LanguageCode): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: 'eng',
    ns: ['common', 'errors'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}

/** Sets the page's language and direction so screen readers and RTL layout follow the UI language. */
export function applyDocumentLanguage(doc: { readonly documentElement: { lang: string; dir: string } }, language: LanguageCode): void {
  doc.documentElement.lang = BCP47[language];
  doc.documentElement.dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
