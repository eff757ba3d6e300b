import i18next from 'i18next';
import type { AppError } from '../../schemas/errors';
import { ERROR_TEXT, PLURAL_LOCALE, errorTextValues, errorWordsNamespace } from '../../schemas/data/errorText';
import type { LanguageCode } from '../../schemas/operators';

/** The POSIX locale's language (`pt_ST.UTF-8` → por); English otherwise, as the CLI's own words. */
const BY_LOCALE_PREFIX: Readonly<Record<string, LanguageCode>> = { pt: 'por', fr: 'fra', ar: 'ara' };

/**
 * The language of an error's sentence: the terminal's locale, read as POSIX tools do (LC_ALL, then
 * LC_MESSAGES, then LANG), so a support engineer in São Tomé with `pt_ST.UTF-8` reads Portuguese.
 */
export function cliLanguage(env: Readonly<Record<string, string | undefined>>): LanguageCode {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return BY_LOCALE_PREFIX[locale.slice(0, 2).toLowerCase()] ?? 'eng';
}

/** One i18next instance for `language`, English behind it for a text not translated yet. */
function translator(language: LanguageCode) {
  const lng = PLURAL_LOCALE[language]; // i18next picks plural forms by this tag: "0 minutos" in São Tomé
  const fallback = PLURAL_LOCALE.eng;
  const bundle = (l: LanguageCode) => ({ errors: ERROR_TEXT[l], common: errorWordsNamespace(l) });
  const i18n = i18next.createInstance();
  void i18n.init({
    initAsync: false, // resources are in memory: translate at once
    resources: { [lng]: bundle(language), [fallback]: bundle('eng') },
    lng,
    fallbackLng: fallback,
    ns: ['errors', 'common'],
    defaultNS: 'errors',
    interpolation: { escapeValue: false }, // a terminal, not HTML
  });
  return i18n;
}

/**
 * What an error says to a person, in `language`: the same text, with the same details and the same
 * action to take, as the app shows on its screens (schemas/data/errorText).
 */
export function errorSentence(code: string, details: Readonly<Record<string, unknown>>, language: LanguageCode): string {
  const i18n = translator(language);
  return i18n.t(code, { ...errorTextValues(details, (role) => i18n.t(`common:session.roles.${role}`)), defaultValue: i18n.t('ERR_INTERNAL') });
}

/** `lockedUntil` → "locked until". */
function inWords(key: string): string {
  return key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as this computer's local time with its offset, e.g. `2026-12-03 15:47:12 (UTC+00:00)`. */
export function localTime(epochMs: number): string {
  const d = new Date(epochMs);
  const offset = -d.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} (${zone})`;
}

/** A detail's value for a person: instants (`…At`, `…Until`, in ms) as local times, lists joined. */
function readable(key: string, value: unknown): string {
  if (typeof value === 'number' && /(At|Until|Since)$/.test(key)) return localTime(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
  return JSON.stringify(value);
}

/**
 * The details the sentence does not already say, one `  name: value` line each: nothing known to
 * the program is hidden from the person, and nothing is printed as JSON or as an epoch.
 */
function otherDetails(template: string, details: Readonly<Record<string, unknown>>): string {
  const said = new Set([...template.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]));
  if (said.has('issuesText')) said.add('issues');
  return Object.entries(details)
    .filter(([key, value]) => !said.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `  ${inWords(key)}: ${readable(key, value)}\n`)
    .join('');
}

/**
 * The stderr lines of a failed command: `error CODE: sentence` in the terminal's language, the
 * details the sentence leaves out, and the raw details too with REGCLIENT_DEBUG=1, for support.
 */
export function errorLines(err: AppError, env: Readonly<Record<string, string | undefined>>): string {
  const details = err.details as Readonly<Record<string, unknown>>;
  const language = cliLanguage(env);
  const template = String(ERROR_TEXT[language][err.code as keyof (typeof ERROR_TEXT)[typeof language]] ?? ERROR_TEXT.eng[err.code as keyof typeof ERROR_TEXT.eng] ?? '');
  const debug = env['REGCLIENT_DEBUG'] ? `details: ${JSON.stringify(details)}\n` : '';
  return `error ${err.code}: ${errorSentence(err.code, details, language)}\n${otherDetails(template, details)}${debug}`;
}
