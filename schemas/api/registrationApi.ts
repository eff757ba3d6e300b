import { z } from 'zod';
import { AckReceipt } from '../ackReceipt';
import { PacketBuildResult } from '../packet';
import { BirthRecordApplied, MAX_BIRTH_QR_CHARS } from '../birthCertificateQr';
import { FetchBirthRecordInput } from '../crvsRegistry';
import { PreRegistrationApplied } from '../preRegistration';
import { BioAttribute, LanguageCode, RegistrationProcess } from '../registration';
import { FieldIssue, FormFieldValue, RegistrationDraft } from '../registrationForm';
import { BioSubType, Modality } from '../sbi';
import { RegistrationFormBundle } from '../uiSpec';
import { Empty } from './coreApi';
import { method } from './defineApi';
import { page, PageRequest } from '../paging';

const OFFICER = ['REGISTRATION_OFFICER'] as const;
/** either operator role (the draft must still be the caller's own) */
const OPERATORS = ['REGISTRATION_OFFICER', 'REGISTRATION_SUPERVISOR'] as const;
const DraftId = z.string().min(1).max(100);
const FieldId = z.string().min(1).max(100);

/**
 * The most bytes (before base64) the files of one `drafts.attachDocument` call may hold together:
 * ten scanned pages of 2 MB each, before the back end compresses them into one PDF under
 * `mosip.registration.document_size`. It also bounds the browser host's WebSocket frames
 * (transport.ts MAX_FRAME_BYTES), so the page checks it before sending.
 */
export const MAX_UPLOAD_BYTES = 20_000_000;

/** Length of the base64 text of `bytes` bytes (padded). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** One file the operator chose or scanned, as sent from the page (base64: the bridge carries JSON). */
export const UploadedFile = z
  .object({
    name: z.string().min(1).max(255),
    mimeType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    base64: z.string().min(1).max(base64Length(MAX_UPLOAD_BYTES)),
  })
  .strict();
export type UploadedFile = z.infer<typeof UploadedFile>;

/** The most files (or scanned pages) one `drafts.attachDocument` call takes. */
export const MAX_DOCUMENT_FILES = 10;

/** A draft in the resume/discard list: enough to recognise the resident, nothing more. */
export const DraftSummary = z.object({
  draftId: DraftId,
  process: RegistrationProcess,
  operatorId: z.string(),
  /** the resident's name as typed so far, in the draft's first language, if any */
  residentName: z.string().nullable(),
  screenIndex: z.number().int().nonnegative(),
  savedAt: z.number().int(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

/** How one biometric attribute came out of its capture, for the biometrics screen. */
export const CapturedAttribute = z.object({
  attribute: BioAttribute,
  qualityScore: z.number().min(0).max(100),
  /**
   * a JPEG preview (base64, longest side ≤ 240 px) of this finger's, eye's or face's image, decoded
   * in the main process from the device's JPEG 2000; null when it could not be decoded
   */
  thumbnailBase64: z.string().nullable(),
});

/** One attempt of a field's modality, for the per-attempt tiles: its quality and whether the draft keeps it. */
export const BiometricAttemptSummary = z.object({
  /** 1-based attempt number */
  attempt: z.number().int().positive(),
  averageQuality: z.number(),
  /** the kept attempt (best quality, latest on a tie, as MOSIP keeps it); exactly one per series */
  kept: z.boolean(),
});
export type BiometricAttemptSummary = z.infer<typeof BiometricAttemptSummary>;

/**
 * The outcome of one capture attempt under the quality policy: accepted (quality reached),
 * retry (attempts left), or forceCaptured (last attempt used; the best attempt is kept).
 */
export const BiometricAttemptResult = z.object({
  fieldId: FieldId,
  modality: Modality,
  decision: z.enum(['accepted', 'retry', 'forceCaptured']),
  attempt: z.number().int().positive(),
  attemptsLeft: z.number().int().nonnegative(),
  threshold: z.number(),
  averageQuality: z.number(),
  /** the attempt kept so far (best quality) */
  keptAttempt: z.number().int().positive(),
  /** every attempt of this series so far, oldest first (the tiles) */
  history: z.array(BiometricAttemptSummary),
  attributes: z.array(CapturedAttribute),
  exceptions: z.array(BioAttribute),
  /** the draft's form value for this field after the attempt */
  value: FormFieldValue,
  warnings: z.array(z.string()),
});
export type BiometricAttemptResult = z.infer<typeof BiometricAttemptResult>;

export const SubmitResult = z.object({
  packet: PacketBuildResult,
  /** the acknowledgement receipt in the resident's language, to print and save */
  receiptPdfBase64: z.string(),
  /** the same receipt's content, for the acknowledgement screen (the PDF is drawn from it) */
  receipt: AckReceipt,
});
export type SubmitResult = z.infer<typeof SubmitResult>;

/** The supervisor reviewing a registration with biometric exceptions (MOSIP `exception_auth`). */
export const ReviewerCredentials = z
  .object({ userId: z.string().trim().min(1, 'the supervisor’s user ID is required').max(64), password: z.string().min(1, 'the supervisor’s password is required').max(200) })
  .strict();
export type ReviewerCredentials = z.infer<typeof ReviewerCredentials>;

/**
 * Registration in progress. Drafts live in the encrypted store and autosave after every screen;
 * document bytes and biometric captures stay in the back end, referenced from the draft's values,
 * so the page never holds or re-sends signed captures.
 */
export const registrationApi = {
  /** ID schema, process UI specs, age groups, validator messages and master data for the forms */
  'registration.formBundle': method({ input: Empty, output: RegistrationFormBundle, access: 'session' }),
  'drafts.create': method({
    input: z.object({ process: RegistrationProcess, languages: z.array(LanguageCode).min(1).max(3) }).strict(),
    output: RegistrationDraft,
    access: OFFICER,
  }),
  /** autosave: the page's current draft replaces the stored one (same draftId, same operator) */
  'drafts.save': method({ input: z.object({ draft: RegistrationDraft }).strict(), output: z.object({ savedAt: z.number().int() }), access: OFFICER }),
  'drafts.list': method({ input: PageRequest.strict(), output: page(DraftSummary), access: OFFICER }),
  'drafts.get': method({ input: z.object({ draftId: DraftId }).strict(), output: RegistrationDraft, access: OFFICER }),
  'drafts.discard': method({ input: z.object({ draftId: DraftId }).strict(), output: Empty, access: OFFICER }),
  /** converts images to one PDF (compressed), checks the size limit, stores it; returns the field value */
  'drafts.attachDocument': method({
    input: z
      .object({
        draftId: DraftId,
        fieldId: FieldId,
        documentType: z.string().min(1).max(100),
        refNumber: z.string().max(100).nullable(),
        files: z
          .array(UploadedFile)
          .min(1)
          .max(MAX_DOCUMENT_FILES)
          .refine((files) => files.reduce((n, f) => n + f.base64.length, 0) <= base64Length(MAX_UPLOAD_BYTES), `the files together exceed ${MAX_UPLOAD_BYTES} bytes`),
      })
      .strict(),
    output: FormFieldValue,
    access: OFFICER,
  }),
  /** the type and reference number of the document a field holds (the draft keeps them, not the page) */
  'drafts.describeDocument': method({
    input: z.object({ draftId: DraftId, fieldId: FieldId, documentType: z.string().min(1).max(100), refNumber: z.string().max(100).nullable() }).strict(),
    output: FormFieldValue,
    access: OFFICER,
  }),
  /** one RCAPTURE under the quality policy; the draft keeps the best attempt and its hash chain */
  'drafts.captureBiometrics': method({
    input: z.object({ draftId: DraftId, fieldId: FieldId, modality: Modality, exceptions: z.array(BioSubType).max(10).default([]) }).strict(),
    output: BiometricAttemptResult,
    access: OFFICER,
  }),
  /** where each captured modality of a draft stands (last attempt, quality, attempts left): for resuming */
  'drafts.biometrics': method({ input: z.object({ draftId: DraftId }).strict(), output: z.array(BiometricAttemptResult), access: OFFICER }),
  /** validates the whole draft against the ID schema and spec without building anything */
  /**
   * What is left to fix before submit, and whether a supervisor must review the registration
   * (biometric exceptions while the setting `reviewerAuthentication` is on).
   */
  'drafts.validate': method({ input: z.object({ draftId: DraftId }).strict(), output: z.object({ issues: z.array(FieldIssue), reviewerRequired: z.boolean() }), access: OFFICER }),
  /**
   * Pre-registration: fetches the PRID's application (downloaded copy first, then the server when
   * online) and prefills the draft (values cleared except consent/preferred language; documents
   * converted to PDFs under the size limit); returns the saved draft. The PRID is checked here
   * (14 digits) so a bad one gets ERR_REG_PREREG_INVALID_ID, not a generic validation error.
   */
  'drafts.applyPreRegistration': method({
    input: z.object({ draftId: DraftId, prid: z.string().max(64) }).strict(),
    output: z.object({ draft: RegistrationDraft, applied: PreRegistrationApplied }),
    access: OFFICER,
  }),
  /**
   * Civil registration: the text of a birth certificate's QR (as the serial scanner read it)
   * prefills a CRVS_NEW draft; the text is parsed in the main process, and a code that is not a
   * birth certificate (too long, not JSON, a field breaking its rule) gets ERR_REG_BIRTH_QR_INVALID.
   */
  'drafts.applyBirthRecord': method({
    input: z.object({ draftId: DraftId, text: z.string().max(MAX_BIRTH_QR_CHARS * 2) }).strict(),
    output: z.object({ draft: RegistrationDraft, applied: BirthRecordApplied }),
    access: OFFICER,
  }),
  /**
   * Civil registration, online: the birth registered under this number is fetched from the civil
   * registry (OpenCRVS record search; settings `civilRegistration.registry`) and prefills the
   * CRVS_NEW draft as the QR does, naming the fields it filled. The call honours the page's cancel;
   * the answer is bounded and validated before any field is written. Errors:
   * ERR_CRVS_REGISTRY_NOT_CONFIGURED, _UNREACHABLE, _REFUSED, _NOT_FOUND, _ANSWER_INVALID.
   */
  'drafts.fetchBirthRecord': method({
    input: FetchBirthRecordInput,
    output: z.object({ draft: RegistrationDraft, applied: BirthRecordApplied }),
    access: OPERATORS,
  }),
  /**
   * Operator authentication (MOSIP `packet_auth`), then the packet (progress as
   * packets.onDidProgress) and the receipt. The password is the session operator's own, checked
   * in the main process like a login (same lockout) and never stored; only after it passes does
   * the packet say `officerPassword: true`. The draft is deleted only once the packet is
   * committed, and kept on any failure (a wrong password included). When the draft has biometric
   * exceptions and the setting `reviewerAuthentication` is on, `reviewer` is a supervisor other than
   * the operator (MOSIP `exception_auth`); the packet then names them (supervisorId,
   * supervisorPassword true). A reviewer given when none is needed is ignored.
   */
  'drafts.submit': method({
    input: z
      .object({
        draftId: DraftId,
        receiptLanguage: LanguageCode,
        password: z.string().min(1).max(200),
        reviewer: ReviewerCredentials.optional(),
      })
      .strict(),
    output: SubmitResult,
    access: OFFICER,
  }),
} as const;

/** A line read by the serial QR/barcode scanner set in settings (`scannerPort`), e.g. a PRID. */
export const ScannerRead = z.object({ text: z.string().max(4096) });
export type ScannerRead = z.infer<typeof ScannerRead>;

export const registrationEvents = {
  'scanner.onDidRead': ScannerRead,
} as const;
