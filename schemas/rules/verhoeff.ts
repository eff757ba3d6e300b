/**
 * Verhoeff check digit, the one MOSIP's kernel puts last in every UIN and VID (mosip/commons
 * kernel-idgenerator / kernel-idvalidator `UinValidatorImpl` and `VidValidatorImpl` call
 * `ChecksumUtils.validateChecksum`, a Verhoeff implementation). A mistyped digit or two swapped
 * neighbours always fail it, which is why a typed UIN is checked before it goes into a packet.
 */
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

function digitsOf(s: string): number[] | undefined {
  return /^[0-9]+$/.test(s) ? [...s].map(Number) : undefined;
}

function checksumOf(digits: readonly number[]): number {
  let c = 0;
  digits.forEach((digit, i) => {
    c = D[c]![P[i % 8]![digit]!]!;
  });
  return c;
}

/** True when `number` (digits only, check digit last) carries a valid Verhoeff check digit. */
export function verhoeffValid(number: string): boolean {
  const digits = digitsOf(number);
  return digits !== undefined && digits.length > 1 && checksumOf([...digits].reverse()) === 0;
}

/** The check digit to append to `body` (digits only). */
export function verhoeffDigit(body: string): number {
  const digits = digitsOf(body);
  if (!digits) throw new RangeError('digits only');
  return INV[checksumOf([0, ...[...digits].reverse()])]!;
}
