/**
 * The JPEG inside an ISO/IEC 19794-5 face record, found by its markers rather than by parsing the
 * record: cheap, and enough for a thumbnail or the exception photo. Undefined when the record
 * holds no JPEG (e.g. JPEG 2000, which MOSIP prefers and which a browser cannot show anyway).
 */
export function faceJpegOf(iso: Buffer): Buffer | undefined {
  if (iso.subarray(0, 3).toString('latin1') !== 'FAC') return undefined;
  const start = iso.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const end = iso.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return start >= 0 && end > start ? Buffer.from(iso.subarray(start, end + 2)) : undefined;
}
