/**
 * Text in the first of `languages` the text has (the UI language, then the registration's first
 * language: see `useLabelLanguages`), else English, else any language the spec gives (MOSIP data
 * often lacks some). A synced spec without Arabic shows an Arabic UI the resident's own language,
 * not silently English.
 */
export function pickText(text: Readonly<Record<string, string>> | null | undefined, languages: string | readonly string[]): string {
  if (!text) return '';
  const order = typeof languages === 'string' ? [languages] : languages;
  for (const language of order) if (text[language]) return text[language];
  return text.eng || Object.values(text).find(Boolean) || '';
}

/** BCP 47 tag and direction for a data-entry language, for the `lang`/`dir` attributes. */
export function languageAttributes(language: string): { lang: string; dir: 'ltr' | 'rtl' } {
  const tags: Readonly<Record<string, string>> = { por: 'pt-ST', eng: 'en', fra: 'fr', ara: 'ar' };
  return { lang: tags[language] ?? language, dir: language === 'ara' ? 'rtl' : 'ltr' };
}
