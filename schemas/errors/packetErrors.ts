import { z } from 'zod';
import { defineErrors } from './defineErrors';

const Issue = z.object({ field: z.string(), rule: z.string(), message: z.string() });

/** Errors of the packet area. Codes are API: never renamed or reused. */
export const packetErrors = defineErrors({
  ERR_PACKET_INPUT_INVALID: {
    retry: 'park',
    log: 'registration does not satisfy the input model or the ID schema',
    details: () => z.object({ issues: z.array(Issue), first: z.string() }),
  },
  ERR_PACKET_ID_SCHEMA_INVALID: {
    retry: 'fatal',
    log: 'the synced ID schema is unreadable or not a MOSIP ID schema',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_PACKET_CAPTURE_MISMATCH: {
    retry: 'park',
    log: 'a biometric capture signed payload does not match its image',
    details: () => z.object({ field: z.string(), attribute: z.string(), reason: z.string() }),
  },
  ERR_PACKET_REG_CERT_MISSING: {
    retry: 'fatal',
    log: 'no REGISTRATION encryption certificate is available (key sync not done)',
    details: () => z.object({ path: z.string() }),
  },
  ERR_PACKET_REG_CERT_EXPIRED: {
    retry: 'fatal',
    log: 'the REGISTRATION encryption certificate is expired or not yet valid',
    details: () => z.object({ notBefore: z.string(), notAfter: z.string() }),
  },
  ERR_PACKET_REG_CERT_INVALID: {
    retry: 'fatal',
    log: 'the REGISTRATION certificate is unreadable or not RSA-2048',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_PACKET_MACHINE_KEY_MISSING: {
    retry: 'fatal',
    log: 'the machine signing key is missing or unreadable',
    details: () => z.object({ path: z.string() }),
  },
  ERR_PACKET_ZIP_LIMIT: {
    retry: 'fatal',
    log: 'a zip passes a limit on its entries, its inflated size or its compression ratio',
    details: () => z.object({ rule: z.enum(['entries', 'totalBytes', 'ratio']), limit: z.number(), found: z.number(), entry: z.string().optional() }),
  },
  ERR_PACKET_TOO_LARGE: {
    retry: 'park',
    log: 'packet is larger than the server limit',
    details: () => z.object({ size: z.number().int(), limit: z.number().int() }),
  },
  ERR_PACKET_DISK_FULL: {
    retry: 'retry',
    log: 'no space left on disk while writing the packet',
    details: () => z.object({ path: z.string() }),
  },
  ERR_PACKET_WRITE_FAILED: {
    retry: 'retry',
    log: 'the packet file could not be written',
    details: () => z.object({ path: z.string(), reason: z.string() }),
  },
  ERR_PACKET_BUILD_FAILED: {
    retry: 'retry',
    log: 'the packet builder worker stopped unexpectedly',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_PACKET_BUILD_CANCELLED: {
    retry: 'retry',
    log: 'the packet build was cancelled before anything was stored',
    details: () => z.object({ draftId: z.string() }),
  },
  ERR_PACKET_NOT_FOUND: {
    retry: 'fatal',
    log: 'packet file not found',
    details: () => z.object({ path: z.string() }),
  },
  ERR_PACKET_VERIFY_FAILED: {
    retry: 'fatal',
    log: 'packet failed one or more server checks',
    details: () => z.object({ failed: z.number().int(), first: z.string() }),
  },
});
