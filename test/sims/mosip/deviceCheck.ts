/**
 * The cmd-validator stage's device checks on a decrypted subpacket, after mosip/registration
 * release-1.2.0.x `DeviceValidator.validate` / `validateTimestamp`: for every BIR whose record-level
 * `others` is not `EXCEPTION=true`, the signed capture `PAYLOAD` gives the capture `timestamp` and
 * the `digitalId`'s `dateTime`; each is parsed with `digital-id-timestamp-format`
 * (`yyyy-MM-dd'T'HH:mm:ss'Z'`, a DateTimeFormatter: no fraction, no offset) and must lie within
 * `allowed-digital-id-timestamp-variation` (5) minutes before the packet's `creationDate` (parsed
 * with `mosip.registration.processor.datetime.pattern`, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`), not after it.
 * Its own code: it shares nothing with the client's SBI or packet modules.
 */

const DIGITAL_ID_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const PACKET_CREATION_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;
/** mosip.regproc.cmd-validator.device.allowed-digital-id-timestamp-variation default */
const VARIATION_MS = 5 * 60_000;
/** StatusUtil.TIMESTAMP_NOT_VALID */
const TIMESTAMP_NOT_VALID = 'RPR-CMD-FAILED-016 digital id timestamp is not within acctable time range of packet creation time';

function parseStrict(pattern: RegExp, text: string): number | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as number[];
  const at = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms ?? 0);
  const back = new Date(at);
  const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 60;
  return real ? at : undefined;
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

/** Each BIR's `<others><entry key="…">…</entry></others>` as a map (JAXB's HashMap adapter). */
function birOthers(xml: string): Map<string, string>[] {
  return [...xml.matchAll(/<others>([\s\S]*?)<\/others>/g)].map((block) => {
    const entries = [...block[1]!.matchAll(/<entry key="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/entry>)/g)];
    return new Map(entries.map((e) => [unescapeXml(e[1]!), unescapeXml(e[2] ?? '')]));
  });
}

function decodeJwsPayload(jws: string): string {
  const middle = jws.split('.')[1] ?? '';
  return Buffer.from(middle, middle.includes('+') || middle.includes('/') ? 'base64' : 'base64url').toString('utf8');
}

/** Why the device validation of this subpacket fails, or undefined when it passes. */
export function deviceProblem(files: ReadonlyMap<string, Buffer>): string | undefined {
  const meta = files.get('packet_meta_info.json');
  if (!meta) return undefined;
  const creationText = (JSON.parse(meta.toString('utf8')) as { identity?: { creationDate?: unknown } }).identity?.creationDate;
  for (const [name, bytes] of files) {
    if (!name.endsWith('.xml')) continue;
    for (const others of birOthers(bytes.toString('utf8'))) {
      // the record's own others (CONFIGURED) is not a segment: DeviceValidator reads getSegments() only
      if (!others.has('EXCEPTION') && !others.has('PAYLOAD') && others.has('CONFIGURED')) continue;
      if (others.get('EXCEPTION') === 'true') continue;
      const payloadText = others.get('PAYLOAD') ?? '';
      let payload: { timestamp?: unknown; digitalId?: unknown };
      let dateTime: unknown;
      try {
        payload = JSON.parse(payloadText) as typeof payload;
        dateTime = (JSON.parse(decodeJwsPayload(String(payload.digitalId))) as { dateTime?: unknown }).dateTime;
      } catch {
        return `${name}: PAYLOAD or its digitalId is not JSON (CMD validation failed)`;
      }
      const creation = parseStrict(PACKET_CREATION_DATE, String(creationText));
      if (creation === undefined) return `packet creationDate ${String(creationText)} cannot be parsed (DateTimeParseException, CMD validation failed)`;
      for (const [field, value] of [['digitalId.dateTime', dateTime], ['timestamp', payload.timestamp]] as const) {
        const at = parseStrict(DIGITAL_ID_TIMESTAMP, String(value));
        if (at === undefined) return `${name}: ${field} ${String(value)} cannot be parsed as yyyy-MM-dd'T'HH:mm:ss'Z' (DateTimeParseException, CMD validation failed)`;
        if (at > creation || at < creation - VARIATION_MS) return `${name}: ${field} ${String(value)}: ${TIMESTAMP_NOT_VALID}`;
      }
    }
  }
  return undefined;
}
