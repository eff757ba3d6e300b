/** MOSIP 1.2 default lengths (`mosip.kernel.rid.*`, `registrationcenterid.length`, `machineid.length`). */
export const RID_LENGTH = 29;
export const RID_SEQUENCE_LENGTH = 5;
export const RID_SEQUENCE_MAX = 10 ** RID_SEQUENCE_LENGTH - 1;
export const RID_SEQUENCE_INITIAL = 1;

/** The next sequence value: wraps from 99999 back to the initial value. */
export function nextRidSequence(current: number | undefined): number {
  if (current === undefined || current >= RID_SEQUENCE_MAX) return RID_SEQUENCE_INITIAL;
  return current + 1;
}
