import { defineErrors } from './defineErrors';

/** Errors of the packet area. Codes are API: never renamed or reused. */
export const packetErrors = defineErrors({});
