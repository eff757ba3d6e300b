import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../schemas/errors';
import type { DemographicValue, RegistrationBiometricField, RegistrationDocument, RegistrationInputDraft } from '../../../../schemas/registration';
import type { IdSchemaJson } from '../../../../schemas/registrationIdSchema';
import type { FormFieldValue } from '../../../../schemas/registrationForm';
import type { UiField } from '../../../../schemas/uiSpec';
import { BIO_ATTRIBUTES } from '../../packets/bioAttributes';
import { kindOf } from '../../packets/idSchemaFields';
import type { DraftDocumentRow } from '../../db/repos/drafts';
import { exceptedAttributes, packetCaptures, type CaptureSeries } from './captureSeries';
import { resolveCode, type DraftForm } from './draftForm';

/** What the registration needs besides the draft's form. */
export interface ComposeInput {
  readonly form: DraftForm;
  readonly idSchema: IdSchemaJson;
  readonly idSchemaVersion: number;
  readonly document: (storageId: string) => DraftDocumentRow | undefined;
  readonly series: readonly CaptureSeries[];
  readonly operatorId: string;
  readonly startedAt: number;
}

/** The registration without what the main process fills in (centre, machine, officer, time). */
export type ComposedRegistration = Omit<RegistrationInputDraft, 'centreId' | 'machineId' | 'operators' | 'createdAt' | 'rid'>;

/**
 * The reason and exception type the 1.2 client writes for every marked exception: it has no choice
 * on screen and passes "Temporary" for both (GenericBiometricsController → addBiometricException).
 */
const EXCEPTION_REASON = 'Temporary';

/**
 * The packet engine's input from a draft, field by field as MOSIP's 1.2 client writes ID.json:
 * only visible fields the ID schema knows; text as strings; localized text as `simpleType` per
 * data-entry language; dropdown codes resolved to names per language for `simpleType` fields
 * (the code itself for `string` fields); checkboxes as Y/N; documents with their stored bytes;
 * biometrics from the kept, final capture of each modality plus the marked exceptions.
 * @throws AppError ERR_REG_DOCUMENT_NOT_ATTACHED
 */
export function composeRegistration(c: ComposeInput): ComposedRegistration {
  const schemaFields = c.idSchema.properties.identity.properties;
  const demographics: Record<string, DemographicValue> = {};
  const documents: Record<string, RegistrationDocument> = {};
  const biometrics: Record<string, RegistrationBiometricField> = {};
  const { draft } = c.form;
  for (const { field, visible } of c.form.fields) {
    const schemaField = schemaFields[field.id];
    const value = draft.values[field.id];
    if (!visible || !schemaField || field.controlType === 'html') continue;
    const kind = kindOf(schemaField);
    if (kind === 'biometric') {
      const bio = biometricField(field, c.series);
      if (bio) biometrics[field.id] = bio;
    } else if (value?.type === 'document' && kind === 'document') {
      documents[field.id] = documentOf(field, value, c.document);
    } else if (value && kind === 'demographic') {
      const demographic = demographicOf(c, field, value, schemaField.$ref === '#/definitions/simpleType', schemaField.type === 'number');
      if (demographic !== undefined) demographics[field.id] = demographic;
    }
  }
  const consent = draft.values['consent'];
  return {
    process: draft.process,
    idSchemaVersion: c.idSchemaVersion,
    langCodes: [...draft.languages],
    consent: consent?.type === 'flag' ? consent.checked : true,
    demographics,
    documents,
    biometrics,
    audits: [
      { uuid: randomUUID(), at: c.startedAt, eventId: 'REG-EVT-001', eventName: 'Registration started', eventType: 'USER', sessionUserId: c.operatorId, sessionUserName: c.operatorId },
      { uuid: randomUUID(), at: c.form.now.getTime(), eventId: 'REG-EVT-002', eventName: 'Registration confirmed', eventType: 'USER', sessionUserId: c.operatorId, sessionUserName: c.operatorId },
    ],
  };
}

function demographicOf(c: ComposeInput, field: UiField, value: FormFieldValue, isSimpleType: boolean, isNumber: boolean): DemographicValue | undefined {
  const languages = c.form.draft.languages;
  switch (value.type) {
    case 'text':
      if (value.value.trim() === '') return undefined;
      return isNumber ? Number(value.value) : value.value;
    case 'localized': {
      const entries = languages.map((language) => ({ language, value: (value.values[language] ?? '').trim() })).filter((e) => e.value !== '');
      return entries.length > 0 ? entries : undefined;
    }
    case 'code': {
      if (value.code === '') return undefined;
      if (!isSimpleType) return value.code;
      const names = resolveCode(c.form, field, value.code);
      return languages.map((language) => ({ language, value: names[language]! }));
    }
    case 'flag':
      return value.checked ? 'Y' : 'N';
    default:
      return undefined;
  }
}

function documentOf(field: UiField, value: Extract<FormFieldValue, { type: 'document' }>, lookup: ComposeInput['document']): RegistrationDocument {
  const stored = lookup(value.storageId);
  if (!stored || stored.fieldId !== field.id) throw new AppError('ERR_REG_DOCUMENT_NOT_ATTACHED', { fieldId: field.id });
  return {
    category: field.subType ?? field.id,
    type: value.documentType,
    format: value.format,
    refNumber: value.refNumber,
    owner: 'Applicant',
    content: stored.bytes.toString('base64'),
  };
}

function biometricField(field: UiField, all: readonly CaptureSeries[]): RegistrationBiometricField | undefined {
  const series = all.filter((s) => s.fieldId === field.id && s.modality !== 'exception-photo');
  const captures = series.filter((s) => s.decision !== 'retry').flatMap(packetCaptures);
  const individualType = field.subType ?? field.id;
  const exceptions = [...new Set(series.flatMap(exceptedAttributes))].map((attribute) => ({ attribute, ...BIO_ATTRIBUTES[attribute], reason: EXCEPTION_REASON, individualType }));
  // the photo proves the exceptions: without one marked it has nothing to prove (and validateDraft asks for it)
  const photo = all.find((s) => s.fieldId === field.id && s.modality === 'exception-photo');
  const exceptionPhoto = photo && exceptions.length > 0 ? packetCaptures(photo)[0] : undefined;
  if (captures.length + exceptions.length === 0) return undefined;
  return exceptionPhoto ? { captures, exceptions, exceptionPhoto } : { captures, exceptions };
}
