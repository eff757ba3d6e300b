import { z } from 'zod';
import { defineErrors } from './defineErrors';

const RuleProblem = z.object({ expression: z.string(), position: z.number().int().nonnegative(), reason: z.string() });

/** Errors of the registration area (forms, rules, documents, drafts, receipts). Codes are API. */
export const registrationErrors = defineErrors({
  ERR_REG_RULE_SYNTAX: {
    retry: 'fatal',
    log: 'a UI-spec rule (MVEL) is outside the supported subset or malformed',
    details: () => RuleProblem,
  },
  ERR_REG_RULE_EVALUATION: {
    retry: 'fatal',
    log: 'a UI-spec rule (MVEL) could not be evaluated against the form data',
    details: () => RuleProblem,
  },
  ERR_REG_DOCUMENT_TOO_LARGE: {
    retry: 'fatal',
    log: 'the document is larger than the configured limit after compression',
    details: () => z.object({ name: z.string(), sizeBytes: z.number().int(), limitBytes: z.number().int(), sizeKb: z.number().int(), limitKb: z.number().int() }),
  },
  ERR_REG_DOCUMENT_TOO_MANY_PIXELS: {
    retry: 'fatal',
    log: 'the image declares more pixels than a document scan or photo has; refused before decoding',
    details: () => z.object({ name: z.string(), width: z.number().int(), height: z.number().int(), limitMegapixels: z.number() }),
  },
  ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT: {
    retry: 'fatal',
    log: 'the document is not a JPEG, PNG or PDF file',
    details: () => z.object({ name: z.string(), format: z.string() }),
  },
  ERR_REG_DOCUMENT_UNREADABLE: {
    retry: 'fatal',
    log: 'the document file is damaged or cannot be decoded',
    details: () => z.object({ name: z.string(), reason: z.string() }),
  },
  ERR_REG_DOCUMENT_IMAGE_TRUNCATED: {
    retry: 'fatal',
    log: 'the image file ends before its pixels do (an interrupted copy or scan); refused, nothing stored',
    details: () => z.object({ name: z.string(), format: z.enum(['jpg', 'png']) }),
  },
  ERR_REG_DOCUMENT_IMAGE_CORRUPT: {
    retry: 'fatal',
    log: 'the image decoder found invalid data in the file; refused rather than stored as a damaged page',
    details: () => z.object({ name: z.string(), format: z.enum(['jpg', 'png']), reason: z.string() }),
  },
  ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED: {
    retry: 'fatal',
    log: 'the receipt cannot be printed in this language: no receipt texts or font for it (Portuguese, English, French and Arabic have them)',
    details: () => z.object({ language: z.string() }),
  },
  ERR_REG_DRAFT_NOT_FOUND: {
    retry: 'fatal',
    log: 'no registration draft has this id (submitted or discarded already)',
    details: () => z.object({ draftId: z.string() }),
  },
  ERR_REG_DRAFT_NOT_OWNER: {
    retry: 'fatal',
    log: 'the registration draft belongs to another operator',
    details: () => z.object({ draftId: z.string() }),
  },
  ERR_REG_DRAFT_CONFLICT: {
    retry: 'fatal',
    log: 'the saved draft does not match the stored one (version, process or languages changed)',
    details: () => z.object({ draftId: z.string(), field: z.string() }),
  },
  ERR_REG_DRAFT_UNREADABLE: {
    retry: 'fatal',
    log: 'the stored draft no longer matches the draft format',
    details: () => z.object({ draftId: z.string(), reason: z.string() }),
  },
  ERR_REG_DRAFT_INCOMPLETE: {
    retry: 'fatal',
    log: 'the registration has validation issues and cannot be submitted',
    details: () => z.object({ draftId: z.string(), count: z.number().int(), fieldId: z.string(), rule: z.string() }),
  },
  ERR_REG_DRAFT_BUSY: {
    retry: 'retry',
    log: 'the draft is being submitted already',
    details: () => z.object({ draftId: z.string() }),
  },
  ERR_REG_CAPTURE_UNVERIFIED: {
    retry: 'fatal',
    log: 'a stored biometric capture failed its re-verification (device signature, trust chain, hash chain) before the packet was built; nothing was built',
    details: () => z.object({ draftId: z.string(), fieldId: z.string(), modality: z.string(), reason: z.string() }),
  },
  ERR_REG_OPERATOR_AUTH_FAILED: {
    retry: 'fatal',
    log: 'operator authentication before submit (packet_auth) failed: wrong password; nothing was built, the draft is kept',
    details: () => z.object({ draftId: z.string(), attemptsLeft: z.number().int().nonnegative() }),
  },
  ERR_REG_REVIEWER_REQUIRED: {
    retry: 'fatal',
    log: 'the registration has biometric exceptions and reviewer authentication (exception_auth) is on, but no supervisor was given; nothing was checked or built',
    details: () => z.object({ draftId: z.string() }),
  },
  ERR_REG_REVIEWER_IS_OPERATOR: {
    retry: 'fatal',
    log: 'the reviewer of a registration with biometric exceptions is the operator who made it; a second person must review',
    details: () => z.object({ draftId: z.string(), userId: z.string() }),
  },
  ERR_REG_REVIEWER_NOT_SUPERVISOR: {
    retry: 'fatal',
    log: 'the reviewer is not an active local operator with REGISTRATION_SUPERVISOR; no password was checked',
    details: () => z.object({ draftId: z.string(), userId: z.string() }),
  },
  ERR_REG_REVIEWER_AUTH_FAILED: {
    retry: 'fatal',
    log: 'reviewer authentication (exception_auth) failed: wrong password; nothing was built, the draft is kept',
    details: () => z.object({ draftId: z.string(), userId: z.string(), attemptsLeft: z.number().int().nonnegative() }),
  },
  ERR_REG_REVIEWER_LOCKED: {
    retry: 'fatal',
    log: 'the reviewer account is locked after too many wrong passwords; nothing was built, the draft is kept',
    details: () => z.object({ draftId: z.string(), userId: z.string(), minutes: z.number().int().positive() }),
  },
  ERR_REG_FIELD_NOT_IN_FORM: {
    retry: 'fatal',
    log: 'the field is not a field of this kind in the process form',
    details: () => z.object({ fieldId: z.string(), expected: z.string() }),
  },
  ERR_REG_DOCUMENT_NOT_ATTACHED: {
    retry: 'fatal',
    log: 'a document value refers to a scan this draft does not hold',
    details: () => z.object({ fieldId: z.string() }),
  },
  ERR_REG_BIOMETRIC_NOT_REQUESTED: {
    retry: 'fatal',
    log: 'this modality is not captured for this biometrics field (or no exception is marked for an exception photo)',
    details: () => z.object({ fieldId: z.string(), modality: z.string() }),
  },
  ERR_REG_BIOMETRIC_NO_ATTEMPTS_LEFT: {
    retry: 'fatal',
    log: 'every capture attempt allowed for this modality is used; the best one is kept',
    details: () => z.object({ fieldId: z.string(), modality: z.string(), attempts: z.number().int() }),
  },
  ERR_REG_FORM_BUNDLE_INVALID: {
    retry: 'fatal',
    log: 'the synced ID schema response carries UI specs that cannot be read',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_REG_PREREG_INVALID_ID: {
    retry: 'fatal',
    log: 'the pre-registration id is not 14 digits',
    details: () => z.object({ prid: z.string() }),
  },
  ERR_REG_PREREG_UNKNOWN: {
    retry: 'fatal',
    log: 'the server has no pre-registration application with this id (or no longer has it)',
    details: () => z.object({ prid: z.string(), errorCode: z.string() }),
  },
  ERR_REG_PREREG_USED: {
    retry: 'fatal',
    log: 'the pre-registration id was already used for a registration packet on this machine',
    details: () => z.object({ prid: z.string() }),
  },
  ERR_REG_PREREG_OFFLINE: {
    retry: 'retry',
    log: 'the application was not downloaded to this machine and the server cannot be reached (or no server session)',
    details: () => z.object({ prid: z.string(), reason: z.string() }),
  },
  ERR_REG_PREREG_MALFORMED: {
    retry: 'fatal',
    log: 'the pre-registration application cannot be read (zip, ID.json or a document)',
    details: () => z.object({ prid: z.string(), reason: z.string() }),
  },
  ERR_REG_PREREG_NOT_IN_FORM: {
    retry: 'fatal',
    log: 'this process has no screen that takes a pre-registration id (preRegFetchRequired)',
    details: () => z.object({ process: z.string() }),
  },
  ERR_REG_BIRTH_QR_INVALID: {
    retry: 'fatal',
    log: 'the scanned text is not a birth certificate QR this client reads (too long, not JSON, or a field breaks its rule)',
    details: () => z.object({ field: z.string(), rule: z.string() }),
  },
  ERR_REG_BIRTH_QR_NOT_IN_FORM: {
    retry: 'fatal',
    log: 'this process has no birth record screen (no birthCertificateNumber field) to take a birth certificate QR',
    details: () => z.object({ process: z.string() }),
  },
});
