import type { FormValues } from '../registrationForm';
import type { DemoMasterData, DocumentTypeOption, LocalizedText } from '../uiSpec';

/**
 * Which document types a fileupload field offers, from synced master data.
 *
 * The applicant type is a documented SUBSET of MOSIP's default `applicanttype.mvel`
 * (mosip/mosip-config; rules first written in the kernel-applicanttype design note):
 *
 * | residence status              | gender     | CHILD | ADULT |
 * |-------------------------------|------------|-------|-------|
 * | foreigner (`FR`)              | `MLE`      | 001   | 002   |
 * | non-foreigner (`NFR`, `NAT`)  | `MLE`      | 003   | 004   |
 * | foreigner (`FR`)              | `FLE`/`OTH`| 005   | 006   |
 * | non-foreigner (`NFR`, `NAT`)  | `FLE`/`OTH`| 007   | 008   |
 *
 * CHILD is the `INFANT` age group, ADULT any other group, as in the script. Left out: the
 * biometric-exception codes 009…016 (the STP specs ask for documents before biometrics, so the
 * exception flag is not known yet) and the UPDATE-flow default. `NAT` is São Tomé's code for a
 * national; MOSIP's default data says `NFR`.
 *
 * Note: MOSIP's own 1.2 registration client does not filter by applicant type at all (RS
 * `MasterSyncServiceImpl#getDocumentCategories` lists every valid type of the category; MOSIP's
 * upgrade notes mark applicanttype.mvel as pre-registration only). So whenever the type cannot be
 * computed, or no type of the category is mapped to it, the union of the category is offered.
 */

const FOREIGNER = new Set(['FR']);
const NON_FOREIGNER = new Set(['NFR', 'NAT']);

function codeOf(values: Readonly<FormValues>, fieldId: string): string | undefined {
  const v = values[fieldId];
  return v?.type === 'code' ? v.code : undefined;
}

/**
 * The applicant type code for the draft, or null when gender, residence status or age group is
 * missing or outside the rule table above.
 */
export function applicantTypeOf(values: Readonly<FormValues>, ageGroup: string | null): string | null {
  const residence = codeOf(values, 'residenceStatus');
  const gender = codeOf(values, 'gender');
  if (!residence || !gender || !ageGroup) return null;
  const foreigner = FOREIGNER.has(residence) ? true : NON_FOREIGNER.has(residence) ? false : undefined;
  const male = gender === 'MLE' ? true : gender === 'FLE' || gender === 'OTH' ? false : undefined;
  if (foreigner === undefined || male === undefined) return null;
  const child = ageGroup === 'INFANT';
  const n = 1 + (foreigner ? 0 : 2) + (male ? 0 : 4) + (child ? 0 : 1);
  return String(n).padStart(3, '0');
}

/**
 * The types of one document category (a fileupload field's `subType`) for an applicant type:
 * those mapped to it, else (type unknown, or nothing mapped) every type of the category.
 * Empty only when the category itself is not in the synced master data.
 */
export function documentTypesFor(masterData: Readonly<DemoMasterData> | null, category: string | null | undefined, applicantType: string | null): readonly DocumentTypeOption[] {
  const types = masterData?.documentCategories.find((c) => c.code === category)?.types ?? [];
  if (applicantType === null) return types;
  const chosen = types.filter((t) => t.applicantTypes.includes(applicantType));
  return chosen.length > 0 ? chosen : types;
}

/** The name per language of a document type code, from any category that lists it. */
export function documentTypeName(masterData: Readonly<DemoMasterData> | null, code: string): LocalizedText | undefined {
  for (const category of masterData?.documentCategories ?? []) {
    const found = category.types.find((t) => t.code === code);
    if (found) return found.name;
  }
  return undefined;
}

/**
 * A document type (or category) as a person reads it, on screen, on the receipt and in the
 * supervisor's summary: its master-data name in the first of `languages` that has one (the
 * screen's or receipt's language, then the registration's first language), else its code.
 * Deliberately no "any language" fallback: a name in a language neither reader asked for is
 * no better than the code the operator already knows.
 */
export function documentTypeText(name: Readonly<LocalizedText> | undefined, code: string, languages: readonly (string | undefined)[]): string {
  for (const language of languages) {
    const text = language === undefined ? undefined : name?.[language]?.trim();
    if (text) return text;
  }
  return code;
}
