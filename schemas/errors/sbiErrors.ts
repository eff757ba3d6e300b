import { defineErrors } from './defineErrors';

/** Errors of the sbi area. Codes are API: never renamed or reused. */
export const sbiErrors = defineErrors({});
