import { createHash } from 'node:crypto';
import { base64url } from './SimulatorPki';

/** The SBI methods a device answers (and lists in its CORS headers). */
export const SBI_METHODS = ['MOSIPDISC', 'MOSIPDINFO', 'RCAPTURE', 'CAPTURE', 'STREAM'];

/** MockMDS's error texts by SBI error code (sbi-protocol.md §5). */
const MESSAGES: Readonly<Record<string, string>> = {
  '100': 'Device not registered', '109': 'Requested number of biometric not supported', '110': 'Device is not ready',
  '111': 'Device is busy', '112': 'Invalid transaction ID', '114': 'Invalid bio type', '115': 'Invalid environment',
  '120': 'Device type does not match bio type', '121': 'Invalid purpose', '122': 'Invalid bioSubType or exception',
  '123': 'No Description available', '500': 'Invalid URL', '502': 'Invalid type value', '503': 'No devices of this type',
  '605': 'Unknown or unregistered deviceId', '607': 'Device not ready for streaming', '609': 'Stream timeout',
  '701': 'Capture timeout', '702': 'Stream and capture device differ', '703': 'Capture already in progress',
  '704': 'deviceId missing', '705': 'Unknown or unregistered deviceId', '708': 'Nothing to capture',
};

/** `yyyy-MM-ddTHH:mm:ssZ`, the only timestamp format MOSIP parses (§2). */
export function sbiTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function error(code: string): { errorCode: string; errorInfo: string } {
  return { errorCode: code, errorInfo: MESSAGES[code] ?? 'Error' };
}

/** Chain link of §2.6: upperHex(SHA256(prev ‖ SHA256(isoBytes))). */
export function chainHash(previousHash: string, isoBytes: Uint8Array): string {
  const prev = previousHash === '' ? createHash('sha256').update('').digest() : Buffer.from(previousHash, 'hex');
  const cur = createHash('sha256').update(isoBytes).digest();
  return createHash('sha256').update(Buffer.concat([prev, cur])).digest('hex').toUpperCase();
}

export function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Allow-Methods': `OPTIONS, ${SBI_METHODS.join(', ')}, GET, POST`,
  };
}

export function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not JSON: the caller answers with the SBI error for it
  }
}

/** Flips one bit in the middle of the signature, keeping it valid base64url. */
export function tamperSignature(jws: string): string {
  const [header, payload, signature] = jws.split('.');
  const bytes = Buffer.from(signature ?? '', 'base64url');
  const index = Math.floor(bytes.length / 2);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return `${header}.${payload}.${base64url(bytes)}`;
}
