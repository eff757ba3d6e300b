import { createHash } from 'node:crypto';

/** SHA-256 of the empty string, upper hex: the start of every chain (sbi-protocol.md §2.6). */
export const EMPTY_CHAIN_HASH = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';

/**
 * One link of the SBI hash chain: `upperHex(SHA256(prev ‖ SHA256(isoBytes)))`, where `prev` is the
 * 32 bytes of `previousHash` (hex, any case) or SHA-256("") when `previousHash` is empty.
 * Returns undefined when `previousHash` is neither empty nor 64 hex digits.
 */
export function chainHash(previousHash: string, isoBytes: Uint8Array): string | undefined {
  if (previousHash !== '' && !/^[0-9A-Fa-f]{64}$/.test(previousHash)) return undefined;
  const prev = Buffer.from(previousHash === '' ? EMPTY_CHAIN_HASH : previousHash, 'hex');
  const current = createHash('sha256').update(isoBytes).digest();
  return createHash('sha256').update(prev).update(current).digest('hex').toUpperCase();
}
