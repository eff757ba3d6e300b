/** A byte count for people, in the UI locale: "58 kB", "1.2 MB", "31 GB". */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1_000_000_000 ? [bytes / 1_000_000_000, 'gigabyte'] : bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1_000 ? [bytes / 1_000, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
