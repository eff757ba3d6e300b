import { createHmac, timingSafeEqual } from 'node:crypto';

/** Digests a hub may name in `x-hub-signature` (W3C WebSub §8 "Authenticated Content Distribution"). */
const METHODS: Readonly<Record<string, string>> = { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

/**
 * Why a WebSub delivery's signature is refused, or undefined when it is the HMAC of `body` under
 * the subscription `secret`. The header is `<method>=<hex>`; MOSIP's hub (ballerina websubhub, as
 * mosip/websub deploys it) sends `sha256=<hex>`, which OpenCRVS's mediator checks the same way
 * (opencrvs/mosip `packages/mosip-api/src/websub/verify-hub-signature.ts`). Constant-time compare.
 */
export function hubSignatureProblem(header: string | string[] | undefined, body: Buffer, secret: Buffer): string | undefined {
  if (header === undefined) return 'missing header';
  if (Array.isArray(header)) return 'more than one header';
  const eq = header.indexOf('=');
  const algorithm = METHODS[header.slice(0, eq)];
  const received = header.slice(eq + 1);
  if (eq < 0 || !algorithm || !/^[0-9a-f]+$/i.test(received)) return 'not <method>=<hex>';
  const expected = createHmac(algorithm, secret).update(body).digest();
  const given = Buffer.from(received, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'does not match';
  return undefined;
}
