import { z } from 'zod';

/**
 * The QR printed on a São Tomé e Príncipe birth certificate, as the centre's serial scanner reads
 * it: one line of JSON (UTF-8), at most {@link MAX_BIRTH_QR_CHARS} characters, e.g.
 *
 * ```json
 * {"format":"STP-CRVS-BIRTH","version":1,"birthCertificateNumber":"AG-2026/00123",
 *  "birthRegistrationDate":"2026-11-20",
 *  "child":{"fullName":"Ana Quaresma Trovoada","dateOfBirth":"2026-11-02","gender":"FLE","region":"ST","province":"AG"},
 *  "parent":{"fullName":"Maria da Graça Quaresma","uin":"2345678905"}}
 * ```
 *
 * Dates are ISO `yyyy-MM-dd` (the civil registry's format; the form stores MOSIP's `yyyy/MM/dd`);
 * `gender`, `region`, `province` are master-data codes; the parent is identified by `uin` (10
 * digits) or `rid` (29 digits), never both. Every object is strict: an unknown key is refused,
 * because a certificate carrying data we would silently drop is not the document we think it is.
 * This is our format (no MOSIP or OpenCRVS standard for it was found); the CRVS integration's
 * field names are kept where they exist (`birthCertificateNumber`, opencrvs/mosip `requestFields`).
 */
export const MAX_BIRTH_QR_CHARS = 2048;

const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date is yyyy-MM-dd');
const Name = z.string().min(3).max(128);
const Code = z.string().regex(/^[A-Za-z0-9_-]{1,36}$/, 'master-data code');

export const BirthCertificateQr = z
  .object({
    format: z.literal('STP-CRVS-BIRTH'),
    version: z.literal(1),
    birthCertificateNumber: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/-]{3,29}$/, 'birth registration number: 4 to 30 letters, digits, / or -'),
    birthRegistrationDate: IsoDate,
    child: z.object({ fullName: Name, dateOfBirth: IsoDate, gender: Code, region: Code.optional(), province: Code.optional() }).strict(),
    parent: z
      .object({ fullName: Name, uin: z.string().regex(/^[0-9]{10}$/, 'UIN is 10 digits').optional(), rid: z.string().regex(/^[0-9]{29}$/, 'RID is 29 digits').optional() })
      .strict()
      .refine((p) => (p.uin === undefined) !== (p.rid === undefined), 'parent is identified by uin or rid, exactly one'),
  })
  .strict();
export type BirthCertificateQr = z.infer<typeof BirthCertificateQr>;

/**
 * A birth record as the CRVS_NEW form takes it, whatever it came from (the certificate's QR, or
 * the civil registry fetched online, which may not know the parent or have the gender as a code).
 */
export const BirthRecordData = z.object({
  birthCertificateNumber: z.string(),
  birthRegistrationDate: IsoDate,
  child: z.object({ fullName: Name, dateOfBirth: IsoDate, gender: Code.optional(), region: Code.optional(), province: Code.optional() }),
  parent: z.object({ fullName: Name, uin: z.string().optional(), rid: z.string().optional() }).optional(),
});
export type BirthRecordData = z.infer<typeof BirthRecordData>;

/** What applying a birth-certificate QR did to the draft. */
export const BirthRecordApplied = z.object({
  birthCertificateNumber: z.string(),
  prefilledFields: z.array(z.string()),
});
export type BirthRecordApplied = z.infer<typeof BirthRecordApplied>;
