/** Values shared by the civil-registration (CRVS_NEW / CRVS_DEATH) tests (not a test file itself). */

/** A valid 10-digit UIN of MOSIP's shape: last digit the Verhoeff check digit. */
export const PARENT_UIN = '2345678906';
/** The same UIN with its last digit changed: the check digit no longer matches. */
export const BAD_CHECKSUM_UIN = '2345678907';

const DAY = 86_400_000;

/** `yyyy-MM-dd` of `ms` (UTC), as the birth certificate QR writes dates. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `yyyy/MM/dd` of `ms` (UTC), as the form stores dates. */
export function mosipDay(ms: number): string {
  return isoDay(ms).replaceAll('-', '/');
}

/** A birth certificate QR (schemas/birthCertificateQr.ts) of a child born 20 days before `now`, registered 5 days before. */
export function birthQr(now: number, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'STP-CRVS-BIRTH',
    version: 1,
    birthCertificateNumber: 'AG-2026/00123',
    birthRegistrationDate: isoDay(now - 5 * DAY),
    child: { fullName: 'Ana Quaresma Trovoada', dateOfBirth: isoDay(now - 20 * DAY), gender: 'FLE', region: 'ST', province: 'AGR' },
    parent: { fullName: 'Maria da Graça Quaresma', uin: PARENT_UIN },
    ...patch,
  };
}
