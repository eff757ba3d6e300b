import { BIO_ATTRIBUTE_NAMES } from '../../schemas/data/bioAttributeNames';
import type { LanguageCode } from '../../schemas/operators';
import araBackup from './locales/ara/errors.backup.json';
import araCli from './locales/ara/errors.cli.json';
import araCommon from './locales/ara/common.json';
import araCore from './locales/ara/errors.core.json';
import araCrvs from './locales/ara/errors.crvs.json';
import araPacket from './locales/ara/errors.packet.json';
import araRegistration from './locales/ara/errors.registration.json';
import araSbi from './locales/ara/errors.sbi.json';
import araSync from './locales/ara/errors.sync.json';
import engBackup from './locales/eng/errors.backup.json';
import engCli from './locales/eng/errors.cli.json';
import engCommon from './locales/eng/common.json';
import engCore from './locales/eng/errors.core.json';
import engCrvs from './locales/eng/errors.crvs.json';
import engPacket from './locales/eng/errors.packet.json';
import engRegistration from './locales/eng/errors.registration.json';
import engSbi from './locales/eng/errors.sbi.json';
import engSync from './locales/eng/errors.sync.json';
import fraBackup from './locales/fra/errors.backup.json';
import fraCli from './locales/fra/errors.cli.json';
import fraCommon from './locales/fra/common.json';
import fraCore from './locales/fra/errors.core.json';
import fraCrvs from './locales/fra/errors.crvs.json';
import fraPacket from './locales/fra/errors.packet.json';
import fraRegistration from './locales/fra/errors.registration.json';
import fraSbi from './locales/fra/errors.sbi.json';
import fraSync from './locales/fra/errors.sync.json';
import porBackup from './locales/por/errors.backup.json';
import porCli from './locales/por/errors.cli.json';
import porCommon from './locales/por/common.json';
import porCore from './locales/por/errors.core.json';
import porCrvs from './locales/por/errors.crvs.json';
import porPacket from './locales/por/errors.packet.json';
import porRegistration from './locales/por/errors.registration.json';
import porSbi from './locales/por/errors.sbi.json';
import porSync from './locales/por/errors.sync.json';

/**
 * A language's `common` strings with the finger, eye and face names (`registration.attribute.*`)
 * taken from schemas/, where the receipt reads them too: one name per finger everywhere.
 */
function withBioNames<T extends { registration: object }>(common: T, language: LanguageCode) {
  return { ...common, registration: { ...common.registration, attribute: BIO_ATTRIBUTE_NAMES[language] } };
}

/**
 * Every UI string, per MOSIP language code. `errors` merges the per-area files so each area owns
 * its translations; a test checks every error code has one in every language.
 */
export const RESOURCES = {
  eng: { common: withBioNames(engCommon, 'eng'), errors: { ...engCore, ...engSbi, ...engPacket, ...engSync, ...engRegistration, ...engCli, ...engBackup, ...engCrvs } },
  por: { common: withBioNames(porCommon, 'por'), errors: { ...porCore, ...porSbi, ...porPacket, ...porSync, ...porRegistration, ...porCli, ...porBackup, ...porCrvs } },
  fra: { common: withBioNames(fraCommon, 'fra'), errors: { ...fraCore, ...fraSbi, ...fraPacket, ...fraSync, ...fraRegistration, ...fraCli, ...fraBackup, ...fraCrvs } },
  ara: { common: withBioNames(araCommon, 'ara'), errors: { ...araCore, ...araSbi, ...araPacket, ...araSync, ...araRegistration, ...araCli, ...araBackup, ...araCrvs } },
} as const satisfies Record<LanguageCode, { common: object; errors: object }>;

export const RTL_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['ara']);

/** BCP 47 tag for the document's lang attribute and number/date formatting. */
export const BCP47: Readonly<Record<LanguageCode, string>> = { eng: 'en', por: 'pt-ST', fra: 'fr', ara: 'ar' };

/**
 * Locale whose CLDR plural rules the UI strings follow: European Portuguese for São Tomé (0 is
 * plural there, singular in Brazil), and Arabic's six forms (zero, one, two, few, many, other).
 */
export const PLURAL_LOCALE: Readonly<Record<LanguageCode, string>> = { eng: 'en', por: 'pt-PT', fra: 'fr', ara: 'ar' };

/**
 * Locale of date controls: day, month, year in every UI language, as São Tomé writes dates
 * (English would otherwise put the month first), with Latin digits, which operators type.
 */
export const DATE_LOCALE: Readonly<Record<LanguageCode, string>> = { eng: 'en-GB', por: 'pt-ST', fra: 'fr', ara: 'ar-u-nu-latn' };
