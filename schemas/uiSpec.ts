import { z } from 'zod';
import { BioAttribute, LanguageCode, RegistrationProcess } from './registration';
import { IdSchemaJson } from './registrationIdSchema';
import { LocalizedText } from './localizedText';

/**
 * MOSIP 1.2 registration-client process specs ("UI specs"): one per process, shipped in the synced
 * ID-schema response under keys ending in `process` (`newProcess`, `updateProcess`, …).
 * Shapes follow mosip/documentation `modules/registration-client/registration-client-ui-specifications.md`
 * and RS `dto/schema/UiFieldDTO.java`, `ProcessSpecDto.java`, `ScreenSpecDto.java`.
 * Objects are loose: an unknown key from a newer server is kept, never an error; nullable keys
 * are nullable because MOSIP's own samples write `null` for "not set".
 */

export { LocalizedText };

/** An expression for a rule engine; only `MVEL` is defined by MOSIP. */
export const RuleExpression = z.looseObject({
  engine: z.string(),
  expr: z.string(),
});
export type RuleExpression = z.infer<typeof RuleExpression>;

/** The control types the 1.2 client renders (RUI `util/control/impl/*FxControl`). */
export const ControlType = z.enum([
  'textbox', 'dropdown', 'date', 'ageDate', 'checkbox', 'button', 'fileupload', 'biometrics', 'html',
]);
export type ControlType = z.infer<typeof ControlType>;

/** `fieldCategory` decides the subpacket and the sharing policy (ID schema page). */
export const FieldCategory = z.enum(['none', 'pvt', 'kyc', 'evidence', 'optional']);
export type FieldCategory = z.infer<typeof FieldCategory>;

/**
 * One field validator. `langCode` null means every language. `errorCode` names a message in the
 * client's message catalogue (MOSIP keeps them in the client's i18n bundles); null → generic message.
 */
export const UiValidator = z.looseObject({
  type: z.string(),
  validator: z.string(),
  arguments: z.array(z.unknown()).nullable().optional(),
  langCode: z.string().nullable().optional(),
  errorCode: z.string().nullable().optional(),
});
export type UiValidator = z.infer<typeof UiValidator>;

/** Biometrics required for an age group and/or process, with an MVEL rule over the attribute names. */
export const ConditionalBioAttributes = z.looseObject({
  ageGroup: z.string(),
  process: z.string(),
  validationExpr: z.string(),
  bioAttributes: z.array(BioAttribute),
});
export type ConditionalBioAttributes = z.infer<typeof ConditionalBioAttributes>;

/** One field of a screen; `id` is the ID-schema property it fills. */
export const UiField = z.looseObject({
  id: z.string().min(1),
  inputRequired: z.boolean(),
  type: z.string(),
  controlType: ControlType.nullable(),
  minimum: z.number().nullable().optional(),
  maximum: z.number().nullable().optional(),
  description: z.string().nullable().optional(),
  label: LocalizedText,
  caption: LocalizedText.nullable().optional(),
  fieldType: z.enum(['default', 'dynamic']).nullable().optional(),
  format: z.string().nullable().optional(),
  validators: z.array(UiValidator).nullable().optional(),
  fieldCategory: FieldCategory,
  alignmentGroup: z.string().nullable().optional(),
  visible: RuleExpression.nullable().optional(),
  contactType: z.string().nullable().optional(),
  group: z.string().nullable().optional(),
  groupLabel: LocalizedText.nullable().optional(),
  changeAction: z.string().nullable().optional(),
  transliterate: z.boolean().nullable().optional(),
  templateName: z.string().nullable().optional(),
  fieldLayout: z.string().nullable().optional(),
  locationHierarchy: z.string().nullable().optional(),
  exceptionPhotoRequired: z.boolean().nullable().optional(),
  bioAttributes: z.array(BioAttribute).nullable().optional(),
  conditionalBioAttributes: z.array(ConditionalBioAttributes).nullable().optional(),
  required: z.boolean(),
  requiredOn: z.array(RuleExpression).nullable().optional(),
  subType: z.string().nullable().optional(),
});
export type UiField = z.infer<typeof UiField>;

/** One screen of a process. */
export const UiScreen = z.looseObject({
  order: z.number().int(),
  name: z.string().min(1),
  label: LocalizedText,
  caption: LocalizedText.nullable().optional(),
  fields: z.array(UiField),
  layoutTemplate: z.string().nullable().optional(),
  preRegFetchRequired: z.boolean().nullable().optional(),
  additionalInfoRequestIdRequired: z.boolean().nullable().optional(),
  active: z.boolean().nullable().optional(),
});
export type UiScreen = z.infer<typeof UiScreen>;

/** MOSIP `flow` values (RS `enums/FlowType.java`). */
export const ProcessFlow = z.enum(['NEW', 'UPDATE', 'LOST', 'CORRECTION']);
export type ProcessFlow = z.infer<typeof ProcessFlow>;

/** One process spec. Screen names and field ids must be unique (checked here, not left to the UI). */
export const ProcessSpec = z
  .looseObject({
    id: RegistrationProcess,
    order: z.number().int(),
    flow: ProcessFlow,
    label: LocalizedText,
    caption: LocalizedText.nullable().optional(),
    screens: z.array(UiScreen).min(1),
    icon: z.string().nullable().optional(),
    isActive: z.boolean(),
    autoSelectedGroups: z.array(z.string()).nullable().optional(),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.screens.forEach((screen, s) => {
      screen.fields.forEach((field, f) => {
        if (seen.has(field.id)) {
          ctx.addIssue({ code: 'custom', path: ['screens', s, 'fields', f, 'id'], message: `duplicate field id ${field.id}` });
        }
        seen.add(field.id);
      });
    });
  });
export type ProcessSpec = z.infer<typeof ProcessSpec>;

/** Age groups as MOSIP configures them: `{"INFANT":"0-5","MINOR":"6-17","ADULT":"18-200"}`. */
export const AgeGroupConfig = z.record(z.string(), z.string().regex(/^\d+-\d+$/, 'range is "min-max" in whole years'));
export type AgeGroupConfig = z.infer<typeof AgeGroupConfig>;

/** Messages for validator `errorCode`s and the generic rules, per language (client-side, as in MOSIP). */
export const UiMessages = z.record(z.string(), z.record(LanguageCode, z.string()));
export type UiMessages = z.infer<typeof UiMessages>;

/** One location node (MOSIP master data `location`): code, level, parent, name per language. */
export const LocationNode = z.object({
  code: z.string(),
  hierarchyLevel: z.number().int(),
  hierarchyLevelName: z.string(),
  parentLocCode: z.string().nullable(),
  name: LocalizedText,
});
export type LocationNode = z.infer<typeof LocationNode>;

/** One dropdown value (MOSIP master data `dynamicfield` entry): code and text per language. */
export const DynamicFieldValue = z.object({ code: z.string(), value: LocalizedText });
export type DynamicFieldValue = z.infer<typeof DynamicFieldValue>;

/**
 * One document type a category accepts (MOSIP `DocumentType` joined through `ApplicantValidDocument`):
 * its name per language and the applicant-type codes (`appTypeCode`, 001…) it is valid for.
 */
export const DocumentTypeOption = z.object({ code: z.string(), name: LocalizedText, applicantTypes: z.array(z.string()) });
export type DocumentTypeOption = z.infer<typeof DocumentTypeOption>;

/** One document category (MOSIP `DocumentCategory`, a fileupload field's `subType`) with its valid types. */
export const DocumentCategoryOptions = z.object({ code: z.string(), name: LocalizedText, types: z.array(DocumentTypeOption) });
export type DocumentCategoryOptions = z.infer<typeof DocumentCategoryOptions>;

/**
 * The master data a form needs: locations, dynamic fields by name, document categories with their
 * valid types, and the text of `html` fields' templates by `templateName`, per language (a language
 * missing from a template's text means the server has no template in that language).
 */
export const DemoMasterData = z.object({
  locations: z.array(LocationNode),
  dynamicFields: z.record(z.string(), z.array(DynamicFieldValue)),
  documentCategories: z.array(DocumentCategoryOptions),
  templates: z.record(z.string(), LocalizedText),
});
export type DemoMasterData = z.infer<typeof DemoMasterData>;

/** Everything a registration form needs: the ID schema and one spec per process. */
export const RegistrationFormBundle = z.object({
  idSchema: IdSchemaJson,
  processes: z.array(ProcessSpec),
  ageGroups: AgeGroupConfig,
  messages: UiMessages,
  masterData: DemoMasterData,
});
export type RegistrationFormBundle = z.infer<typeof RegistrationFormBundle>;
