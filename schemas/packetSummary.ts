import { z } from 'zod';
import { BioAttribute, LanguageCode, RegistrationProcess } from './registration';
import { Modality } from './sbi';
import { LocalizedText, MAX_THUMBNAIL_BASE64, Thumbnail } from './localizedText';

export { MAX_THUMBNAIL_BASE64, Thumbnail };

/** One demographic value as the acknowledgement shows it: label and value resolved per language. */
export const SummaryDemographic = z.object({
  fieldId: z.string(),
  label: LocalizedText,
  /** a single value (date, phone) or one per language (names, addresses, dropdown names) */
  value: z.union([z.string(), LocalizedText]),
});

export const SummaryDocument = z.object({
  fieldId: z.string(),
  label: LocalizedText,
  /** the document type code (`DOC001`, `RNC`, `EOP` for an exception photo) */
  documentType: z.string(),
  /** the type's master-data names at submit (absent in summaries stored before, or for a type the data lacks) */
  documentTypeName: LocalizedText.optional(),
  format: z.enum(['pdf', 'jpg', 'png']),
  pageCount: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
});

export const SummaryAttribute = z.object({
  attribute: BioAttribute,
  qualityScore: z.number().min(0).max(100),
  thumbnail: Thumbnail,
});

/**
 * One modality of one biometrics field as the packet keeps it: the kept attempt's attributes with
 * their scores, the threshold in force, the attempts used, and whether it was force-captured
 * (last attempt used below the threshold). Exceptions are the attributes marked missing.
 */
export const SummaryModality = z.object({
  fieldId: z.string(),
  modality: Modality,
  threshold: z.number(),
  averageQuality: z.number(),
  /** 1-based attempt the packet keeps (the best) */
  keptAttempt: z.number().int().positive(),
  attemptsUsed: z.number().int().positive(),
  isForceCaptured: z.boolean(),
  attributes: z.array(SummaryAttribute),
  exceptions: z.array(BioAttribute),
});
export type SummaryModality = z.infer<typeof SummaryModality>;

/**
 * What the supervisor reviews before approving a packet (MOSIP shows the stored acknowledgement):
 * the packet itself is encrypted to the server and cannot be read back. Stored in the encrypted
 * database at submit, with the packet, and deleted with the packet's file under retention.
 */
export const PacketSummary = z.object({
  version: z.literal(1),
  rid: z.string().regex(/^\d{29}$/, 'a RID has 29 digits'),
  packetId: z.string(),
  process: RegistrationProcess,
  /** data-entry languages, in order; every LocalizedText has these keys */
  languages: z.array(LanguageCode).min(1),
  createdAt: z.number().int(),
  officerId: z.string(),
  /** the resident's name per language (name fields joined), empty when the form has none */
  residentName: LocalizedText,
  /** the face photo's thumbnail */
  photo: Thumbnail,
  /** the exception photo's thumbnail, when exceptions were marked */
  exceptionPhoto: Thumbnail,
  demographics: z.array(SummaryDemographic),
  documents: z.array(SummaryDocument),
  /** fingers, iris and face (the exception photo is `exceptionPhoto`) */
  biometrics: z.array(SummaryModality),
});
export type PacketSummary = z.infer<typeof PacketSummary>;
