import { z } from 'zod';
import { BioAttribute, LanguageCode, RegistrationProcess } from './registration';
import { LocalizedText } from './uiSpec';

/**
 * What the acknowledgement receipt shows (MOSIP's `reg-ack-template-part`): the application id
 * (RID) with its QR code, where and by whom the registration was taken, and a summary of what
 * was captured. Labels and values come already resolved per language (dropdown codes → names).
 */
export const AckReceiptInput = z.object({
  rid: z.string().regex(/^\d{29}$/, 'a RID has 29 digits'),
  /** the resident's chosen language for the receipt */
  language: LanguageCode,
  process: RegistrationProcess,
  /** ms since the epoch, from the injected clock */
  createdAt: z.number().int(),
  centre: z.object({ id: z.string(), name: z.string() }),
  machineId: z.string(),
  operatorId: z.string(),
  demographics: z.array(z.object({ label: LocalizedText, value: z.union([z.string(), LocalizedText]) })),
  documents: z.array(z.object({ label: LocalizedText, documentType: z.string() })),
  biometrics: z.object({ captured: z.array(BioAttribute), exceptions: z.array(BioAttribute) }),
});
export type AckReceiptInput = z.infer<typeof AckReceiptInput>;
