import { createVerify, type KeyObject } from 'node:crypto';

/**
 * Verifies a MOSIP `Response-Signature`: a JWS (RS256) with a detached payload, checked against
 * the raw response bytes (packet-and-server-apis.md §4.0). The Java client re-serialises the body
 * with Jackson first; we use the bytes we received, which is what the server signed.
 * @returns undefined when valid, else the reason
 */
export function checkResponseSignature(signature: string | undefined, body: Uint8Array, publicKey: KeyObject): string | undefined {
  if (!signature) return 'the Response-Signature header is missing';
  const parts = signature.trim().split('.');
  if (parts.length !== 3) return 'the Response-Signature is not a compact JWS';
  const [header, payload, sig] = parts as [string, string, string];
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  } catch {
    return 'the Response-Signature header is not JSON';
  }
  if (alg !== 'RS256') return `unsupported signature algorithm ${String(alg)}`;
  const bodyB64 = Buffer.from(body).toString('base64url');
  // An attached payload must be the same bytes; a detached one is the usual MOSIP form.
  if (payload !== '' && payload !== bodyB64) return 'the signed payload is not this response body';
  const ok = createVerify('sha256').update(`${header}.${bodyB64}`).verify(publicKey, Buffer.from(sig, 'base64url'));
  return ok ? undefined : 'the signature does not match the response body';
}
