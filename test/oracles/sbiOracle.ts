import { X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import { compactVerify } from 'jose';

/**
 * An SBI 0.9.5 checker that shares no code with the client (native/sbi, schemas/sbi): raw HTTP with
 * node:http, JWS with jose's compactVerify, certificates with node:crypto, field lists read from the
 * MDS spec (reference/sbi-protocol.md §2, §3.1, §3.2). The CTK conformance test
 * judges the simulator with it, so a bug in the client's verifier cannot hide one in the simulator.
 */

/** One SBI call with a custom verb on 127.0.0.1; the body is returned as text and, when it parses, JSON. */
export async function sbiRaw(port: number, method: string, path: string, body: unknown = ''): Promise<{ status: number; json: unknown; text: string }> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined; // a non-JSON answer is for the caller to judge
        }
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** STREAM: resolves with the response once its headers arrive; `close()` drops the connection. */
export async function sbiOpenStream(port: number, body: unknown): Promise<{ response: import('node:http').IncomingMessage; close: () => void }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'STREAM', path: '/stream', headers: { 'content-length': Buffer.byteLength(payload) } }, (response) =>
      resolve({ response, close: () => req.destroy() }),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** base64url without padding, and only in its canonical form (§3.3 step 7); undefined otherwise. */
export function decodeUnpaddedBase64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

/**
 * Verifies a device JWS as keymanager's SignatureServiceImpl.jwtVerify does (§3.2): RS256 only,
 * `x5c[0]` the leaf, leaf valid at `now`, issued and signed by the DEVICE CA, signature over
 * header.payload with the leaf's key (jose compactVerify). Returns the payload's exact text.
 */
export async function verifyDeviceJws(compact: string, deviceCaPem: string, now: Date): Promise<{ payloadText: string; x5c: string[] }> {
  const parts = compact.split('.');
  if (parts.length !== 3) throw new Error(`a compact JWS has 3 parts, got ${parts.length}`);
  const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown; x5c?: unknown };
  if (header.alg !== 'RS256') throw new Error(`alg ${String(header.alg)} is not RS256`);
  if (!Array.isArray(header.x5c) || typeof header.x5c[0] !== 'string') throw new Error('x5c[0] is missing');
  const leaf = new X509Certificate(Buffer.from(header.x5c[0], 'base64'));
  const ca = new X509Certificate(deviceCaPem);
  if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) throw new Error(`leaf certificate not valid at ${now.toISOString()}`);
  if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) throw new Error('leaf certificate is not issued by the DEVICE CA');
  const { payload } = await compactVerify(compact, leaf.publicKey, { algorithms: ['RS256'] });
  return { payloadText: Buffer.from(payload).toString('utf8'), x5c: header.x5c as string[] };
}

/** §2.2 digital ID: all 8 fields are non-empty strings. */
export const DIGITAL_ID_FIELDS = ['serialNo', 'make', 'model', 'type', 'deviceSubType', 'deviceProvider', 'deviceProviderId', 'dateTime'] as const;
/** §2.2 device info of a Ready device: the 12 fields of CTK DeviceInfoReadyResponseSchema, no others. */
export const DEVICE_INFO_FIELDS = ['deviceStatus', 'deviceId', 'firmware', 'certification', 'serviceVersion', 'deviceSubId', 'callbackId', 'digitalId', 'deviceCode', 'env', 'purpose', 'specVersion'] as const;
/** §2.1 discovery element fields (besides `error`). */
export const DISCOVERY_FIELDS = ['deviceId', 'deviceStatus', 'certification', 'serviceVersion', 'deviceSubId', 'callbackId', 'digitalId', 'deviceCode', 'specVersion', 'purpose'] as const;
/** §2.5 RCAPTURE `data` payload (bioSubType apart: absent for face). */
export const CAPTURE_DATA_FIELDS = ['digitalId', 'deviceCode', 'deviceServiceVersion', 'bioType', 'purpose', 'env', 'bioValue', 'transactionId', 'timestamp', 'requestedScore', 'qualityScore'] as const;

/** Names of `fields` missing from `value` or of the wrong kind: strings, or string arrays where `arrays` says. */
export function missingFields(value: unknown, fields: readonly string[], arrays: readonly string[] = []): string[] {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  return fields.filter((f) => (arrays.includes(f) ? !isStrings(record[f]) : typeof record[f] !== 'string'));
}
