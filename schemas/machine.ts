import { z } from 'zod';

/** MOSIP centre and machine ids are 5-digit numbers in the default configuration. */
export const CentreId = z.string().regex(/^\d{5}$/, 'centre id is 5 digits');
export const MachineId = z.string().regex(/^\d{5}$/, 'machine id is 5 digits');

/**
 * MOSIP key fingerprint: SHA-256 of the SubjectPublicKeyInfo DER, lowercase hex bytes joined by ':'
 * (`CryptoUtil.computeFingerPrint`).
 */
export const KeyIndex = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){31}$/, 'key index is 32 lowercase hex bytes joined by :');

export const MachineIdentity = z.object({
  centreId: CentreId,
  machineId: MachineId,
  keyIndex: KeyIndex,
  /** base64 of the X.509 SubjectPublicKeyInfo DER, as the MOSIP machine master stores it */
  publicKey: z.string(),
  createdAt: z.number().int(),
});
export type MachineIdentity = z.infer<typeof MachineIdentity>;
