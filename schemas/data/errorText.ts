import araBackup from './errorText/ara/backup.json';
import araCli from './errorText/ara/cli.json';
import araCore from './errorText/ara/core.json';
import araCrvs from './errorText/ara/crvs.json';
import araPacket from './errorText/ara/packet.json';
import araRegistration from './errorText/ara/registration.json';
import araSbi from './errorText/ara/sbi.json';
import araSync from './errorText/ara/sync.json';
import araWords from './errorText/ara/words.json';
import engBackup from './errorText/eng/backup.json';
import engCli from './errorText/eng/cli.json';
import engCore from './errorText/eng/core.json';
import engCrvs from './errorText/eng/crvs.json';
import engPacket from './errorText/eng/packet.json';
import engRegistration from './errorText/eng/registration.json';
import engSbi from './errorText/eng/sbi.json';
import engSync from './errorText/eng/sync.json';
import engWords from './errorText/eng/words.json';
import fraBackup from './errorText/fra/backup.json';
import fraCli from './errorText/fra/cli.json';
import fraCore from './errorText/fra/core.json';
import fraCrvs from './errorText/fra/crvs.json';
import fraPacket from './errorText/fra/packet.json';
import fraRegistration from './errorText/fra/registration.json';
import fraSbi from './errorText/fra/sbi.json';
import fraSync from './errorText/fra/sync.json';
import fraWords from './errorText/fra/words.json';
import porBackup from './errorText/por/backup.json';
import porCli from './errorText/por/cli.json';
import porCore from './errorText/por/core.json';
import porCrvs from './errorText/por/crvs.json';
import porPacket from './errorText/por/packet.json';
import porRegistration from './errorText/por/registration.json';
import porSbi from './errorText/por/sbi.json';
import porSync from './errorText/por/sync.json';
import porWords from './errorText/por/words.json';
import type { LanguageCode } from '../operators';

/**
 * What an error says to a person, per MOSIP language code: each code of the catalogue
 * (schemas/errors) with i18next `{{name}}` interpolation of its details and the action to take,
 * one file per area. Shared data, like the finger names, because two hosts show it: the app's
 * screens (renderer/i18n) and the `regclient` command line. A test checks every code has a text in
 * every language.
 */
export const ERROR_TEXT = {
  eng: { ...engCore, ...engSbi, ...engPacket, ...engSync, ...engRegistration, ...engCli, ...engBackup, ...engCrvs },
  por: { ...porCore, ...porSbi, ...porPacket, ...porSync, ...porRegistration, ...porCli, ...porBackup, ...porCrvs },
  fra: { ...fraCore, ...fraSbi, ...fraPacket, ...fraSync, ...fraRegistration, ...fraCli, ...fraBackup, ...fraCrvs },
  ara: { ...araCore, ...araSbi, ...araPacket, ...araSync, ...araRegistration, ...araCli, ...araBackup, ...araCrvs },
} as const satisfies Record<LanguageCode, Record<string, string>>;

/**
 * The words error texts nest (`$t(common:…)`): counted words (`counts.*`, plural forms), role names
 * (`session.roles.*`) and file kinds (`fileKind.*`), so a sentence says "uma pasta", not "folder".
 */
export const ERROR_WORDS = { eng: engWords, por: porWords, fra: fraWords, ara: araWords } as const satisfies Record<LanguageCode, { counts: Record<string, string>; roles: Record<string, string>; fileKind: Record<string, string> }>;

/** The `common` namespace those nested words live in, for an i18next instance of its own (the CLI). */
export function errorWordsNamespace(language: LanguageCode) {
  const words = ERROR_WORDS[language];
  return { counts: words.counts, fileKind: words.fileKind, session: { roles: words.roles } };
}

/**
 * Locale whose CLDR plural rules the texts follow: European Portuguese for São Tomé (0 is plural
 * there, singular in Brazil), and Arabic's six forms (zero, one, two, few, many, other).
 */
export const PLURAL_LOCALE: Readonly<Record<LanguageCode, string>> = { eng: 'en', por: 'pt-PT', fra: 'fr', ara: 'ar' };

/** The values an error text interpolates: the details, plus zod issues and required roles as words. */
export function errorTextValues(details: Readonly<Record<string, unknown>>, roleName: (role: string) => string): Record<string, unknown> {
  const issues = Array.isArray(details.issues) ? (details.issues as { path: string; message: string }[]) : [];
  const roles = Array.isArray(details.requiredRoles) ? (details.requiredRoles as string[]) : [];
  return {
    ...details,
    issuesText: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    requiredRoles: roles.map(roleName).join(', '),
  };
}
