import { z } from 'zod';
import { BioAttribute, LanguageCode, RegistrationProcess } from './registration';

/**
 * What the operator has entered in a registration form, as plain data: it is the autosaved draft,
 * so it must survive JSON and a restart unchanged. Bytes (scans, captures) are not here, only
 * references to where the back end keeps them.
 */

/** The value of one field, by how it is entered. */
export const FormFieldValue = z.discriminatedUnion('type', [
  /** a `string` field: phone, email, UIN, date of birth as `yyyy/MM/dd` */
  z.object({ type: z.literal('text'), value: z.string() }),
  /** a `simpleType` text field, one value per data-entry language (MOSIP captures both) */
  z.object({ type: z.literal('localized'), values: z.record(LanguageCode, z.string()) }),
  /** a dropdown or button choice: the master-data code (location code, dynamic-field code) */
  z.object({ type: z.literal('code'), code: z.string() }),
  /** a checkbox (consent) */
  z.object({ type: z.literal('flag'), checked: z.boolean() }),
  /** a document, already converted and stored by the back end */
  z.object({
    type: z.literal('document'),
    documentType: z.string(),
    format: z.enum(['pdf', 'jpg', 'png']),
    refNumber: z.string().nullable(),
    storageId: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    /** pages of the stored file, counted when it was stored (absent in drafts saved before it was kept) */
    pageCount: z.number().int().positive().optional(),
  }),
  /** the attributes captured and those marked as exceptions, for one biometrics field */
  z.object({ type: z.literal('biometrics'), captured: z.array(BioAttribute), exceptions: z.array(BioAttribute) }),
]);
export type FormFieldValue = z.infer<typeof FormFieldValue>;

/** Form values by field id. */
export const FormValues = z.record(z.string(), FormFieldValue);
export type FormValues = z.infer<typeof FormValues>;

/** The rule a field failed; the UI shows `message` in the operator's language. */
export const FieldRule = z.enum(['required', 'regex', 'dateFormat', 'dateInFuture', 'ageAboveMax', 'dateRange', 'biometrics', 'checksum']);
export type FieldRule = z.infer<typeof FieldRule>;

/** One validation failure: which field, which language (for per-language values), which rule. */
export const FieldIssue = z.object({
  fieldId: z.string(),
  language: LanguageCode.optional(),
  rule: FieldRule,
  message: z.record(z.string(), z.string()),
  /** for a `biometrics` issue: the required attributes neither captured nor marked missing, so the message can name them */
  missing: z.array(BioAttribute).optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The autosaved state of a registration in progress; `version` lets a newer app migrate it. */
export const RegistrationDraft = z.object({
  version: z.literal(1),
  draftId: z.string().min(1),
  process: RegistrationProcess,
  /** data-entry languages chosen for this resident, first = primary (packet meta `langCodes`) */
  languages: z.array(LanguageCode).min(1),
  /** UPDATE: the groups the resident asked to change */
  selectedGroups: z.array(z.string()),
  values: FormValues,
  screenIndex: z.number().int().nonnegative(),
  /** the furthest screen that passed validation; the operator may jump back, not beyond */
  reachedScreenIndex: z.number().int().nonnegative(),
  /** milliseconds since the epoch, from the injected clock */
  savedAt: z.number().int(),
  /** the PRID whose application prefilled this draft (set by the back end only; goes to the packet's metaInfo) */
  preRegistrationId: z.string().nullable().optional(),
  /**
   * BIOMETRIC_CORRECTION: the server's additional-info request id the operator typed on the screen
   * whose spec says `additionalInfoRequestIdRequired` (Java client GenericController's text field)
   */
  additionalInfoReqId: z.string().nullable().optional(),
});
export type RegistrationDraft = z.infer<typeof RegistrationDraft>;
