/**
 * Faults the simulator can inject; MockMDS has none of them (sbi-protocol.md §6.6). Each one maps
 * to exactly one client error code, which the conformance suite asserts.
 */
export const SIM_FAULTS = [
  'badSignature', // data / deviceInfo signature bytes altered
  'expiredCert', // leaf certificate expired
  'notYetValidCert', // leaf certificate valid only from tomorrow
  'untrustedCert', // leaf issued by a CA the client does not trust
  'digitalIdBadSignature', // nested digitalId signature altered
  'digitalIdMismatch', // digitalId in capture names another serial number
  'wrongTransactionId', // transactionId echo differs
  'wrongSpecVersion', // element specVersion echo differs
  'staleTimestamp', // timestamp 1 hour in the past
  'timestampFormat', // timestamp with milliseconds, digitalId dateTime with an offset: Date.parse takes both, MOSIP neither
  'brokenHashChain', // element hash computed from a wrong previous hash
  'paddedBase64', // bioValue padded standard base64 instead of unpadded base64url
  'wrongBioSubType', // a subtype of another slap returned
  'duplicateBioSubType', // the same subtype twice
  'wrongElementCount', // one element missing
  'nonNumericQuality', // qualityScore "good"
  'pngImage', // ISO records hold PNG (finger, iris) or JPEG (face), labelled so, instead of JPEG 2000 lossless
  'mislabelledImage', // ISO header says JPEG 2000 lossless, the image bytes are PNG / JPEG
  'hang', // accept the request, never answer
  'connectionReset', // reset the connection mid-body
  'malformedJson', // truncated JSON body
  'flood', // an endless chunked 200 body, written as fast as the client reads (a hostile device)
  'floodFrame', // STREAM: one MJPEG frame declaring a terabyte, then endless bytes
] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

/** Faults that act on the transport, for every SBI method unless restricted. */
export const TRANSPORT_FAULTS: readonly SimFault[] = ['hang', 'connectionReset', 'malformedJson', 'flood', 'floodFrame'];

export function isSimFault(value: unknown): value is SimFault {
  return typeof value === 'string' && (SIM_FAULTS as readonly string[]).includes(value);
}
