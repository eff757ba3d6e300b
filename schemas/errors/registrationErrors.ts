import { defineErrors } from './defineErrors';

/** Errors of the registration area (forms, rules, documents, drafts, receipts). Codes are API. */
export const registrationErrors = defineErrors({});
