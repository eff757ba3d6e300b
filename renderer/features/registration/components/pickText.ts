/** Text in the UI language, else English, else the first language the spec gives (MOSIP data often lacks some). */
export function pickText(text: Readonly<Record<string, string>> | null | undefined, language: string): string {
  if (!text) return '';
  return text[language] || text.eng || Object.values(text).find(Boolean) || '';
}

/** BCP 47 tag and direction for a data-entry language, for the `lang`/`dir` attributes. */
export function languageAttributes(language: string): { lang: string; dir: 'ltr' | 'rtl' } {
  const tags: Readonly<Record<string, string>> = { por: 'pt-ST', eng: 'en', fra: 'fr', ara: 'ar' };
  return { lang: tags[language] ?? language, dir: language === 'ara' ? 'rtl' : 'ltr' };
}
