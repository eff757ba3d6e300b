/**
 * NMEA 0183 sentences of a USB GPS puck (BU-353 class, 4800 baud), used for the centre-distance
 * check: `$GPGGA` (fix, satellites, altitude) and `$GPRMC` (validity, date). `$GN…` (multi-GNSS)
 * talkers are read the same way. Pure functions: no I/O.
 */

/** A position from one sentence. Latitude/longitude in decimal degrees (south/west negative). */
export type GpsFix =
  | { readonly kind: 'GGA'; readonly latitude: number; readonly longitude: number; readonly fixQuality: number; readonly satellites: number; readonly hdop: number | undefined; readonly altitudeM: number | undefined; readonly utcTime: string }
  | { readonly kind: 'RMC'; readonly latitude: number; readonly longitude: number; readonly isValid: boolean; readonly speedKnots: number | undefined; readonly at: number };

/** True when the `*hh` checksum matches (XOR of the characters between `$` and `*`). */
export function hasValidChecksum(sentence: string): boolean {
  const match = /^\$([^*]+)\*([0-9A-Fa-f]{2})\s*$/.exec(sentence);
  if (!match) return false;
  let sum = 0;
  for (const ch of match[1]!) sum ^= ch.charCodeAt(0);
  return sum === parseInt(match[2]!, 16);
}

/** `ddmm.mmmm` + hemisphere → decimal degrees; undefined when empty or malformed. */
function coordinate(value: string | undefined, hemisphere: string | undefined, degreeDigits: number): number | undefined {
  if (!value || !hemisphere || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const degrees = Number(value.slice(0, degreeDigits));
  const minutes = Number(value.slice(degreeDigits));
  if (minutes >= 60) return undefined;
  const decimal = degrees + minutes / 60;
  if (hemisphere === 'S' || hemisphere === 'W') return -decimal;
  return hemisphere === 'N' || hemisphere === 'E' ? decimal : undefined;
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

/**
 * Parses one `$GPGGA`/`$GPRMC` (or `$GN…`) sentence. Returns undefined for other sentences, a bad
 * checksum, or a sentence without a position (no fix yet).
 */
export function parseNmeaSentence(sentence: string): GpsFix | undefined {
  if (!hasValidChecksum(sentence)) return undefined;
  const fields = sentence.slice(1, sentence.indexOf('*')).split(',');
  const type = fields[0] ?? '';
  if (/^G[PN]GGA$/.test(type)) {
    const latitude = coordinate(fields[2], fields[3], 2);
    const longitude = coordinate(fields[4], fields[5], 3);
    const fixQuality = Number(fields[6] ?? '0');
    if (latitude === undefined || longitude === undefined || fixQuality === 0) return undefined;
    return { kind: 'GGA', latitude, longitude, fixQuality, satellites: Number(fields[7] ?? '0'), hdop: optionalNumber(fields[8]), altitudeM: optionalNumber(fields[9]), utcTime: fields[1] ?? '' };
  }
  if (/^G[PN]RMC$/.test(type)) {
    const latitude = coordinate(fields[3], fields[4], 2);
    const longitude = coordinate(fields[5], fields[6], 3);
    if (latitude === undefined || longitude === undefined) return undefined;
    const time = fields[1] ?? '';
    const date = fields[9] ?? '';
    const at = /^\d{6}/.test(time) && /^\d{6}$/.test(date)
      ? Date.UTC(twoDigitYear(Number(date.slice(4, 6))), Number(date.slice(2, 4)) - 1, Number(date.slice(0, 2)), Number(time.slice(0, 2)), Number(time.slice(2, 4)), Number(time.slice(4, 6)))
      : Number.NaN;
    return { kind: 'RMC', latitude, longitude, isValid: fields[2] === 'A', speedKnots: optionalNumber(fields[7]), at };
  }
  return undefined;
}

/** NMEA dates carry two-digit years: 80–99 are 1980–1999 (GPS week epoch), the rest 20xx. */
function twoDigitYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

/** Great-circle distance in metres (haversine, mean Earth radius), for the centre-distance check. */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.latitude - a.latitude);
  const dLon = toRad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
