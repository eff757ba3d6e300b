import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks an `Authorization: Bearer <token>` header against the configured token in constant
 * time: both sides are hashed first, so neither the token's length nor its first differing byte
 * shows in the time the check takes.
 */
export function bearerTokenProblem(header: string | undefined, token: Buffer): 'missing' | 'mismatch' | undefined {
  const match = header === undefined ? null : /^Bearer (\S+)$/.exec(header);
  if (!match) return 'missing';
  const given = createHash('sha256').update(match[1]!).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) ? undefined : 'mismatch';
}
