/**
 * The one timestamp format MOSIP 1.2 parses in SBI responses: `yyyy-MM-dd'T'HH:mm:ss'Z'`, no
 * fraction, no offset. The registration client checks the capture `timestamp` with it
 * (registration-client MosipDeviceSpecificationHelper.validateResponseTimestamp, MDM_DATETIME_PATTERN)
 * and the processor's cmd-validator parses both `timestamp` and `digitalId.dateTime` with it
 * (registration DeviceValidator.validateTimestamp, `digital-id-timestamp-format`), so a value
 * `Date.parse` would take (milliseconds, `+01:00`) passes capture and fails the packet later.
 */
export const MDS_TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Epoch ms of a strict MDS timestamp, or undefined when it is not one (or not a real date/time). */
export function parseMdsTimestamp(text: string): number | undefined {
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(at);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is not a real one
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return real ? at : undefined;
}

/** `ms` in the MOSIP format (the fraction dropped), as a conforming device writes it. */
export function formatMdsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
