import { defineErrors } from './defineErrors';

/** Errors of the sync area. Codes are API: never renamed or reused. */
export const syncErrors = defineErrors({});
