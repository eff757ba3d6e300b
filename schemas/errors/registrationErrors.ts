import { z } from 'zod';
import { defineErrors } from './defineErrors';

const RuleProblem = z.object({ expression: z.string(), position: z.number().int().nonnegative(), reason: z.string() });

/** Errors of the registration area (forms, rules, documents, drafts, receipts). Codes are API. */
export const registrationErrors = defineErrors({
  ERR_REG_RULE_SYNTAX: {
    retry: 'fatal',
    log: 'a UI-spec rule (MVEL) is outside the supported subset or malformed',
    details: RuleProblem,
  },
  ERR_REG_RULE_EVALUATION: {
    retry: 'fatal',
    log: 'a UI-spec rule (MVEL) could not be evaluated against the form data',
    details: RuleProblem,
  },
  ERR_REG_DOCUMENT_TOO_LARGE: {
    retry: 'fatal',
    log: 'the document is larger than the configured limit after compression',
    details: z.object({ name: z.string(), sizeBytes: z.number().int(), limitBytes: z.number().int(), sizeKb: z.number().int(), limitKb: z.number().int() }),
  },
  ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT: {
    retry: 'fatal',
    log: 'the document is not a JPEG, PNG or PDF file',
    details: z.object({ name: z.string(), format: z.string() }),
  },
  ERR_REG_DOCUMENT_UNREADABLE: {
    retry: 'fatal',
    log: 'the document file is damaged or cannot be decoded',
    details: z.object({ name: z.string(), reason: z.string() }),
  },
  ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED: {
    retry: 'fatal',
    log: 'the receipt cannot be printed in this language: its font is not shipped yet',
    details: z.object({ language: z.string() }),
  },
});
