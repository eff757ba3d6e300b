import i18next, { type i18n } from 'i18next';
import type { LanguageCode } from '../../schemas/operators';
import { PLURAL_LOCALE } from '../../schemas/data/errorText';
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
  usePluralRulesOf(instance);
  return instance;
}

/** The part of i18next's plural resolver we steer (its type in i18next is `any`). */
interface PluralRuleSource {
  getRule(code: string, options?: { ordinal?: boolean }): Intl.PluralRules | undefined;
}

/**
 * Makes i18next pick `_zero/_one/_two/_few/_many/_other` with the CLDR rules of `PLURAL_LOCALE`
 * rather than of our three-letter codes: `Intl.PluralRules('por')` (and 'pt-ST') falls back to
 * Brazilian rules, where 0 is singular ("0 registo"); São Tomé writes European Portuguese,
 * where 0 takes the plural ("0 registos").
 */
function usePluralRulesOf(instance: i18n): void {
  const resolver = instance.services.pluralResolver as PluralRuleSource;
  const getRule = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options) => getRule(PLURAL_LOCALE[code as LanguageCode] ?? code, options);
}

/** Sets the page's language and direction so screen readers and RTL layout follow the UI language. */
export function applyDocumentLanguage(doc: { readonly documentElement: { lang: string; dir: string } }, language: LanguageCode): void {
  doc.documentElement.lang = BCP47[language];
  doc.documentElement.dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
