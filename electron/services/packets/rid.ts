import { ridOfAdditionalInfoReqId, type RegistrationInput, type RegistrationIssue } from '../../../schemas/registration';

import { RID_LENGTH, RID_SEQUENCE_INITIAL, RID_SEQUENCE_LENGTH, RID_SEQUENCE_MAX } from '../../../schemas/ridSequence';

// the sequence rules live in schemas/ so the database layer can take the next value without a service
export { nextRidSequence, RID_LENGTH, RID_SEQUENCE_INITIAL, RID_SEQUENCE_LENGTH, RID_SEQUENCE_MAX } from '../../../schemas/ridSequence';

/** UTC `yyyyMMddHHmmss`, the RID and packetId timestamp part. */
export function utcCompactStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** UTC `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (kernel `DateUtils.formatToISOString`). */
export function utcIsoMillis(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** RID = centre(5) ‖ machine(5) ‖ sequence(5) ‖ UTC yyyyMMddHHmmss (`RidGeneratorImpl`). */
export function formatRid(centreId: string, machineId: string, sequence: number, epochMs: number): string {
  if (!Number.isInteger(sequence) || sequence < RID_SEQUENCE_INITIAL || sequence > RID_SEQUENCE_MAX) {
    throw new TypeError(`formatRid: sequence must be 1..${RID_SEQUENCE_MAX}, got ${sequence}`);
  }
  return `${centreId}${machineId}${String(sequence).padStart(RID_SEQUENCE_LENGTH, '0')}${utcCompactStamp(epochMs)}`;
}

/** Offline-mode packetId: `<appId>-<centre>_<machine>-<UTC yyyyMMddHHmmss>` (`PacketWriterImpl.createPacket`). */
export function formatPacketId(rid: string, centreId: string, machineId: string, epochMs: number): string {
  return `${rid}-${centreId}_${machineId}-${utcCompactStamp(epochMs)}`;
}

// RidPropertyConstant.TIME_STAMP_REGEX, restated: valid Gregorian date with leap years, 24 h clock.
const TIMESTAMP = /^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/;

function isValidDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * The checks the server's v1 `/registrationstatus/sync` applies to every RID (`RidValidatorImpl`),
 * plus the optional centre/machine prefix check. Returns the failed rules (empty when valid).
 */
export function validateRid(rid: string, expect?: Readonly<{ centreId: string; machineId: string }>): RegistrationIssue[] {
  const issue = (rule: string, message: string): RegistrationIssue[] => [{ field: 'rid', rule, message }];
  if (rid.length !== RID_LENGTH) return issue('INVALID_RID_LENGTH', `RID must have ${RID_LENGTH} characters, has ${rid.length}`);
  if (!/^\d+$/.test(rid)) return issue('INVALID_RID', 'RID must be digits only');
  const stamp = rid.slice(RID_LENGTH - 14);
  const m = TIMESTAMP.exec(stamp);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return issue('INVALID_RID_TIMESTAMP', `RID timestamp ${stamp} is not a valid UTC time`);
  if (rid.length - 10 - 14 !== RID_SEQUENCE_LENGTH) return issue('INVALID_RID_SEQ_LENGTH', 'RID sequence must be 5 digits');
  if (expect && (rid.slice(0, 5) !== expect.centreId || rid.slice(5, 10) !== expect.machineId)) {
    return issue('INVALID_RID_PREFIX', `RID must start with centre ${expect.centreId} and machine ${expect.machineId}`);
  }
  return [];
}

/**
 * The packet's RID: the registration's own; else, for a correction, the RID of the request it
 * answers (the validator checks the id's shape); else a new one from `allocate`.
 */
export function ridFor(registration: Pick<RegistrationInput, 'rid' | 'additionalInfoReqId'>, allocate: () => string): string {
  const { rid, additionalInfoReqId } = registration;
  if (rid === undefined && additionalInfoReqId) return ridOfAdditionalInfoReqId(additionalInfoReqId);
  return rid ?? allocate();
}
