import { BirthCertificateQr, MAX_BIRTH_QR_CHARS, type BirthRecordData } from '../../../../schemas/birthCertificateQr';
import { AppError } from '../../../../schemas/errors';
import type { FormValues } from '../../../../schemas/registrationForm';

/**
 * Reads a birth-certificate QR (schemas/birthCertificateQr.ts). The text comes from a scanner
 * anyone can hold a printed code to, so its length is bounded before JSON.parse, and a refusal
 * names only the field path and the rule (never echoes the text back).
 * @throws AppError ERR_REG_BIRTH_QR_INVALID
 */
export function parseBirthQr(text: string): BirthCertificateQr {
  if (text.length > MAX_BIRTH_QR_CHARS) throw new AppError('ERR_REG_BIRTH_QR_INVALID', { field: '(text)', rule: `longer than ${MAX_BIRTH_QR_CHARS} characters` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('ERR_REG_BIRTH_QR_INVALID', { field: '(text)', rule: 'not JSON' });
  }
  const parsed = BirthCertificateQr.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  throw new AppError('ERR_REG_BIRTH_QR_INVALID', { field: first.path.map(String).join('.').slice(0, 80) || '(root)', rule: first.code });
}

/** `yyyy-MM-dd` → MOSIP's `yyyy/MM/dd` (the form's date format). */
function mosipDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/**
 * The form values a birth record fills: the record, the child, the parent as introducer. Names are
 * not translated, so a name is the same text in every data-entry language.
 */
export function birthRecordValues(qr: BirthRecordData, languages: readonly string[]): FormValues {
  const name = (text: string) => ({ type: 'localized' as const, values: Object.fromEntries(languages.map((l) => [l, text])) });
  const text = (value: string) => ({ type: 'text' as const, value });
  const code = (value: string) => ({ type: 'code' as const, code: value });
  const { child, parent } = qr;
  return {
    birthCertificateNumber: text(qr.birthCertificateNumber),
    birthRegistrationDate: text(mosipDate(qr.birthRegistrationDate)),
    fullName: name(child.fullName),
    dateOfBirth: text(mosipDate(child.dateOfBirth)),
    ...(child.gender ? { gender: code(child.gender) } : {}),
    ...(child.region ? { region: code(child.region) } : {}),
    ...(child.province ? { province: code(child.province) } : {}),
    ...(parent ? { introducerName: name(parent.fullName) } : {}),
    ...(parent?.uin ? { introducerUIN: text(parent.uin) } : {}),
    ...(parent?.rid ? { introducerRID: text(parent.rid) } : {}),
  };
}
